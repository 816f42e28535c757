// Chat page helpers: keep the message list pinned to the bottom, keep the view steady when older messages are
// prepended, ask for older messages near the top, and send on Enter (Shift+Enter makes a new line).

const nearBottomPx = 48;
const nearTopPx = 96;

export function attachScroller(scroller, dotnet) {
  let pinned = true;
  let anchor = null;

  const firstMessage = () => scroller.querySelector('[data-seq]');
  const remember = () => {
    const first = firstMessage();
    anchor = first ? { seq: first.dataset.seq, offset: first.offsetTop - scroller.scrollTop } : null;
  };
  const onScroll = () => {
    const atBottom = scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight < nearBottomPx;
    if (atBottom !== pinned) {
      pinned = atBottom;
      dotnet.invokeMethodAsync('PinnedChanged', pinned);
    }
    if (scroller.scrollTop < nearTopPx) {
      dotnet.invokeMethodAsync('NearTop');
    }
    remember();
  };
  const observer = new MutationObserver(() => {
    const first = firstMessage();
    if (pinned) {
      scroller.scrollTop = scroller.scrollHeight;
    } else if (anchor && first && first.dataset.seq !== anchor.seq) {
      const old = scroller.querySelector(`[data-seq="${anchor.seq}"]`);
      if (old) {
        scroller.scrollTop = old.offsetTop - anchor.offset;
      }
    }
    remember();
  });

  scroller.addEventListener('scroll', onScroll, { passive: true });
  observer.observe(scroller, { childList: true, subtree: true, characterData: true });
  scroller.scrollTop = scroller.scrollHeight;
  remember();

  return {
    scrollToBottom() {
      pinned = true;
      scroller.scrollTop = scroller.scrollHeight;
    },
    dispose() {
      scroller.removeEventListener('scroll', onScroll);
      observer.disconnect();
    },
  };
}

// The "@name" being typed just before the caret, or null.
function mentionBeforeCaret(textarea) {
  const before = textarea.value.slice(0, textarea.selectionStart);
  const match = /(?:^|\s)@([A-Za-z0-9._-]*)$/.exec(before);
  return match ? match[1] : null;
}

export function attachComposer(textarea, dotnet) {
  let lastQuery = null;
  // Rendered with the suggestion list itself, so Enter picks a suggestion whenever one is on screen.
  const suggesting = () => textarea.dataset.suggesting === 'true';
  const reportMention = () => {
    const query = mentionBeforeCaret(textarea);
    if (query !== lastQuery) {
      lastQuery = query;
      dotnet.invokeMethodAsync('MentionQueryChanged', query);
    }
  };
  // The text is taken and the box emptied here, in the same event, so whatever is typed next is never lost to
  // a round trip to the server.
  const onKeyDown = (event) => {
    if (suggesting() && (event.key === 'Enter' || event.key === 'Tab')) {
      event.preventDefault();
      dotnet.invokeMethodAsync('PickFirstMention');
      return;
    }
    if (suggesting() && event.key === 'Escape') {
      lastQuery = null;
      dotnet.invokeMethodAsync('MentionQueryChanged', null);
      return;
    }
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      const text = textarea.value;
      if (text.trim() === '') {
        return;
      }
      textarea.value = '';
      textarea.dispatchEvent(new Event('input', { bubbles: true }));
      dotnet.invokeMethodAsync('SubmitFromKeyboard', text);
    }
  };
  textarea.addEventListener('keydown', onKeyDown);
  textarea.addEventListener('input', reportMention);
  textarea.addEventListener('click', reportMention);
  // Marks the composer as wired (Enter sends), for tests and tools that drive the page.
  textarea.dataset.keyboard = 'ready';
  return {
    insertMention(name) {
      const caret = textarea.selectionStart;
      const before = textarea.value.slice(0, caret).replace(/@([A-Za-z0-9._-]*)$/, `@${name} `);
      textarea.value = before + textarea.value.slice(caret);
      textarea.setSelectionRange(before.length, before.length);
      textarea.focus();
      lastQuery = null;
      textarea.dispatchEvent(new Event('input', { bubbles: true }));
    },
    clear() {
      textarea.value = '';
    },
    focus() {
      textarea.focus();
    },
    dispose() {
      textarea.removeEventListener('keydown', onKeyDown);
      textarea.removeEventListener('input', reportMention);
      textarea.removeEventListener('click', reportMention);
      delete textarea.dataset.keyboard;
    },
  };
}

export function timeZone() {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

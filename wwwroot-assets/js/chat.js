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

export function attachComposer(textarea, dotnet) {
  // The text is taken and the box emptied here, in the same event, so whatever is typed next is never lost to
  // a round trip to the server.
  const onKeyDown = (event) => {
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
  return {
    clear() {
      textarea.value = '';
    },
    focus() {
      textarea.focus();
    },
    dispose() {
      textarea.removeEventListener('keydown', onKeyDown);
    },
  };
}

export function timeZone() {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

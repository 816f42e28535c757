"""Follows a chat room through RealtimeApp's WebSocket API (the tRPC v11 wire protocol) with a plain WebSocket.

Posts one message, prints every message of the room as it arrives, and after a lost connection or the server's
reconnect notice connects again and resumes from the last event id, so nothing is missed or repeated.

    pip install websockets        (or Debian's python3-websockets)
    TOKEN=rt_... python3 follow_room.py ws://localhost:5000/api/ws general
"""
import asyncio
import json
import os
import sys

import websockets


async def follow(url: str, room: str, token: str) -> None:
    last_event_id = None  # the resume point: the id of the last message received
    greeted = False
    while True:
        try:
            async with websockets.connect(url + "?connectionParams=1") as ws:
                await ws.send(json.dumps({"method": "connectionParams", "data": {"token": token}}))
                subscription = {"roomId": room}
                if last_event_id is not None:
                    subscription["lastEventId"] = last_event_id
                await ws.send(json.dumps({"id": 1, "method": "subscription",
                                          "params": {"path": "chat.onMessage", "input": subscription}}))
                if not greeted:
                    await ws.send(json.dumps({"id": 2, "method": "mutation",
                                              "params": {"path": "chat.send", "input": {"roomId": room, "text": "hello from Python"}}}))
                    greeted = True
                async for frame in ws:
                    if frame == "PING":  # the server's keep-alive
                        await ws.send("PONG")
                        continue
                    message = json.loads(frame)
                    if message.get("method") == "reconnect":  # the server is stopping: move to a new connection
                        break
                    if "error" in message:
                        error = message["error"]
                        print(f"error {error['data']['code']}: {error['message']}")
                        if message.get("id") in (None, 1):  # refused token, or the subscription itself failed
                            return
                        continue
                    result = message["result"]
                    if message["id"] == 1 and result["type"] == "data":
                        last_event_id = result["data"]["id"]
                        posted = result["data"]["data"]
                        print(f"#{posted['sequence']} {posted['authorName']}: {posted['text']}", flush=True)
        except (OSError, websockets.ConnectionClosed) as lost:
            print(f"connection lost ({lost}); resuming after {last_event_id}", flush=True)
        await asyncio.sleep(2)


if __name__ == "__main__":
    asyncio.run(follow(sys.argv[1], sys.argv[2], os.environ["TOKEN"]))

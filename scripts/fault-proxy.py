#!/usr/bin/env python3
"""fault-proxy — a fault-injecting TCP proxy on loopback, between a kiosk and threshold-upstream.

Each accepted connection gets one fate: the first six connections go through every fate once, then
fates are drawn at random (seeded):
  pass   forward both ways, but cut the connection after a random 0.2–2 s (may cut mid-response:
         the server stored the batch, the kiosk never hears it → it must re-send, server dedupes)
  reset  RST immediately (SO_LINGER 0)
  5xx    answer 502 to the first request and close
  429    answer 429 with Retry-After: 1 and close
  503    answer 503 with Retry-After: 1 and close
  stall  read the request, say nothing for 10 s, then close
Every --down-every seconds the upstream is "down" for --down-for seconds: connections are reset.
Counts are printed as one JSON line on SIGTERM/SIGINT.

usage: fault-proxy.py LISTEN_PORT TARGET_PORT [--seed N] [--down-every S] [--down-for S]
Prints "fault-proxy: listening on 127.0.0.1:PORT" once ready (PORT 0 picks a free one).
"""
import argparse, asyncio, json, random, signal, socket, struct, sys, time

FATES = [("pass", 50), ("reset", 10), ("5xx", 10), ("429", 10), ("503", 10), ("stall", 3)]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("listen", type=int)
    ap.add_argument("target", type=int)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--down-every", type=float, default=15.0)
    ap.add_argument("--down-for", type=float, default=3.0)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    counts = {name: 0 for name, _ in FATES}
    counts["down"] = 0
    start = time.monotonic()

    # Every kind of fault happens at least once, early; then they are drawn at random.
    opening = ["reset", "5xx", "429", "503", "stall", "pass"]

    def fate():
        if opening:
            return opening.pop(0)
        t = time.monotonic() - start
        if args.down_every > 0 and (t % args.down_every) > args.down_every - args.down_for:
            return "down"
        return rng.choices([f for f, _ in FATES], weights=[w for _, w in FATES])[0]

    async def pipe(reader, writer):
        try:
            while True:
                data = await reader.read(65536)
                if not data:
                    break
                writer.write(data)
                await writer.drain()
        except (ConnectionError, asyncio.CancelledError):
            pass
        finally:
            try:
                writer.close()
            except Exception:
                pass

    def reset(writer):
        sock = writer.get_extra_info("socket")
        if sock is not None:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        writer.close()

    async def answer(reader, writer, status, retry_after):
        try:
            await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), 5)
        except Exception:
            pass
        head = f"HTTP/1.1 {status}\r\nContent-Length: 0\r\nConnection: close\r\n"
        if retry_after:
            head += "Retry-After: 1\r\n"
        writer.write((head + "\r\n").encode())
        try:
            await writer.drain()
        except ConnectionError:
            pass
        writer.close()

    async def handle(reader, writer):
        f = fate()
        counts[f] += 1
        if f in ("down", "reset"):
            reset(writer)
        elif f == "5xx":
            await answer(reader, writer, "502 Bad Gateway", False)
        elif f == "429":
            await answer(reader, writer, "429 Too Many Requests", True)
        elif f == "503":
            await answer(reader, writer, "503 Service Unavailable", True)
        elif f == "stall":
            try:
                await asyncio.wait_for(reader.read(65536), 5)
            except Exception:
                pass
            await asyncio.sleep(10)
            writer.close()
        else:
            try:
                up_reader, up_writer = await asyncio.open_connection("127.0.0.1", args.target)
            except OSError:
                counts["down"] += 1
                reset(writer)
                return
            tasks = [asyncio.ensure_future(pipe(reader, up_writer)), asyncio.ensure_future(pipe(up_reader, writer))]
            await asyncio.wait(tasks, timeout=rng.uniform(0.2, 2.0))
            for t in tasks:
                t.cancel()
            up_writer.close()
            writer.close()

    async def run():
        server = await asyncio.start_server(handle, "127.0.0.1", args.listen)
        port = server.sockets[0].getsockname()[1]
        print(f"fault-proxy: listening on 127.0.0.1:{port}", flush=True)
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for s in (signal.SIGTERM, signal.SIGINT):
            loop.add_signal_handler(s, stop.set)
        await stop.wait()
        server.close()
        print(json.dumps(counts), flush=True)

    asyncio.run(run())


if __name__ == "__main__":
    main()

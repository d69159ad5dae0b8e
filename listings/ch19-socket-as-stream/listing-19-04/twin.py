import asyncio
import socket

BUFFER = 64 * 1024  # what each socket asks the kernel for; Linux doubles it
TOTAL = 4 * 1024 * 1024  # 16 times the two buffers together, doubled
LINE = 1024


def small_buffers(sock):
    # Fixed buffers, so that the host's defaults, which it may grow as the
    # connection runs, play no part. Set before listen and connect.
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, BUFFER)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, BUFFER)
    sock.setblocking(False)
    return sock


def payload():
    # TOTAL bytes of numbered lines, LINE bytes each with the newline.
    return b"".join(
        f"{n:07} ".encode().ljust(LINE - 1, b".") + b"\n"
        for n in range(TOTAL // LINE)
    )


def yes(fact):
    return "yes" if fact else "no"


async def read_all(reader, stuck, lines_read):
    await stuck.wait()  # reads nothing until the writer has buffered
    print("reader: starts reading")
    last = b""
    async for last in reader:
        lines_read[0] += 1
    count = lines_read[0]
    print(f"reader: {count} lines, the last numbered {last[:7].decode()}")


async def main():
    loop = asyncio.get_running_loop()
    listener = small_buffers(socket.socket())
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    conn = small_buffers(socket.socket())
    await loop.sock_connect(conn, listener.getsockname())
    _, writer = await asyncio.open_connection(sock=conn)
    peer, _ = await loop.sock_accept(listener)  # takes the listener's sizes
    reader, peer_writer = await asyncio.open_connection(
        sock=peer, limit=LINE
    )
    stuck = asyncio.Event()
    lines_read = [0]  # shared with the reader, which counts into it
    reading = asyncio.create_task(read_all(reader, stuck, lines_read))

    # write() never waits: the transport keeps what the kernel refuses.
    writer.write(payload())
    kept = writer.transport.get_write_buffer_size()
    _, high = writer.transport.get_write_buffer_limits()
    print(f"writer: write() kept some bytes back: {yes(kept > 0)}")
    print(f"writer: more than the high-water mark: {yes(kept > high)}")
    stuck.set()
    await writer.drain()
    print("writer: drain() has returned")
    had_read = yes(lines_read[0] > 0)
    print("writer: the reader had read lines before it returned:", had_read)
    writer.close()
    await writer.wait_closed()
    await reading
    peer_writer.close()


asyncio.run(main())

import asyncio

from vclock import run, vprint


async def main():
    gave_up = asyncio.Event()

    async def answer(reader, writer):
        # Answers "ping 1" at once, "ping 2" once the client gave up.
        while request := (await reader.readline()).decode().strip():
            if request == "ping 2":
                await gave_up.wait()
            writer.write(request.replace("ping", "pong").encode() + b"\n")
            await writer.drain()
        writer.close()

    server = await asyncio.start_server(answer, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection("127.0.0.1", port)

    # No timer is pending: the loop waits for the socket.
    writer.write(b"ping 1\n")
    reply = (await reader.readline()).decode().strip()
    vprint(f"client: {reply!r}, no timeout around the read")

    # A timer is pending: when every task waits, the clock jumps to it.
    writer.write(b"ping 2\n")
    try:
        async with asyncio.timeout(1):
            reply = (await reader.readline()).decode().strip()
        vprint(f"client: {reply!r} within the second")
    except TimeoutError:
        vprint("client: no reply within 1 s of virtual time")
    gave_up.set()
    late = (await reader.readline()).decode().strip()
    vprint(f"client: {late!r} arrives once the server is told")

    writer.close()
    await writer.wait_closed()
    server.close()
    await server.wait_closed()


run(main())

import asyncio
import socket


async def send_in_pieces(port, pieces):
    # Connects, writes the text in the pieces given, then closes.
    _, writer = await asyncio.open_connection("127.0.0.1", port)
    for piece in pieces:
        writer.write(piece.encode())
        await writer.drain()
    writer.close()
    await writer.wait_closed()


async def print_lines(lines):
    async for line in lines:
        print(f'line: "{line}"')
    print("the stream has ended")


async def lines(reader):
    # The lines of a socket, as a generator you write yourself.
    while line := await reader.readline():  # b"" at the end
        yield line.decode().removesuffix("\n")


async def decoded(reader):
    # The StreamReader's own iterator gives bytes; only decode them.
    async for line in reader:
        yield line.decode().removesuffix("\n")


async def accept(listener, port, pieces):
    sending = asyncio.create_task(send_in_pieces(port, pieces))
    conn, _ = await asyncio.get_running_loop().sock_accept(listener)
    reader, writer = await asyncio.open_connection(sock=conn)
    return sending, reader, writer


async def main():
    listener = socket.create_server(("127.0.0.1", 0))
    listener.setblocking(False)
    port = listener.getsockname()[1]
    pieces = ["first li", "ne\nsecond line\nthi", "rd line\nno newline"]

    sending, reader, writer = await accept(listener, port, pieces)
    print("a hand-written async generator:")
    await print_lines(lines(reader))
    await sending
    writer.close()

    sending, reader, writer = await accept(listener, port, pieces)
    print("async for over the StreamReader:")
    await print_lines(decoded(reader))
    await sending
    writer.close()


asyncio.run(main())

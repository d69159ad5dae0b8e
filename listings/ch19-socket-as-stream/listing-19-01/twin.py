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


async def print_lines(reader):
    # A StreamReader is an async iterator of lines, as a generator is.
    async for line in reader:
        text = line.decode().removesuffix("\n")
        print(f'line: "{text}"')
    print("the stream has ended")


async def main():
    listener = socket.create_server(("127.0.0.1", 0))
    listener.setblocking(False)
    port = listener.getsockname()[1]
    pieces = ["first li", "ne\nsecond line\nthi", "rd line\nno newline"]
    sending = asyncio.create_task(send_in_pieces(port, pieces))

    conn, _ = await asyncio.get_running_loop().sock_accept(listener)
    reader, writer = await asyncio.open_connection(sock=conn)
    await print_lines(reader)
    await sending
    writer.close()


asyncio.run(main())

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
    try:
        async for line in reader:
            text = line.decode().removesuffix("\n")
            print(f'line: "{text}"')
    except ValueError as error:
        # Its message depends on how much of the line had arrived.
        print(f"error: {type(error).__name__}")
    print("the stream has ended")


async def main():
    listener = socket.create_server(("127.0.0.1", 0))
    listener.setblocking(False)
    port = listener.getsockname()[1]
    pieces = ["short\n", "this line is longer than 16 bytes\n", "after\n"]
    sending = asyncio.create_task(send_in_pieces(port, pieces))

    conn, _ = await asyncio.get_running_loop().sock_accept(listener)
    reader, writer = await asyncio.open_connection(sock=conn, limit=16)
    await print_lines(reader)
    await sending
    writer.close()


asyncio.run(main())

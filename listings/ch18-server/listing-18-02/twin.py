import asyncio
import itertools


class Open:
    """The server's count of open connections, and the most ever."""

    now = 0
    most = 0


ids = itertools.count(1)


async def handle(reader, writer):
    # start_server calls this for each connection, in a task of its own.
    n = next(ids)
    Open.now += 1
    Open.most = max(Open.most, Open.now)
    print(f"server: accepted connection {n} ({Open.now} open)")
    async for line in reader:  # one line at a time, until the client closes
        text = line.decode().rstrip("\n")
        print(f'server: connection {n} says "{text}"')
        writer.write(line)
        await writer.drain()
    Open.now -= 1
    print(f"server: connection {n} closed ({Open.now} open)")
    writer.close()
    await writer.wait_closed()


class Client:
    def __init__(self, name, reader, writer):
        self.name, self.reader, self.writer = name, reader, writer

    @classmethod
    async def connect(cls, port, name):
        return cls(name, *await asyncio.open_connection("127.0.0.1", port))

    async def send(self, line):
        self.writer.write(f"{line}\n".encode())
        await self.writer.drain()

    async def answer(self):
        line = (await self.reader.readline()).decode().rstrip("\n")
        print(f'{self.name}: the server answered "{line}"')

    async def say(self, line):
        await self.send(line)
        await self.answer()

    async def leave(self):
        print(f"{self.name}: leaving")
        self.writer.write_eof()
        assert await self.reader.read() == b""  # the server closed its side
        self.writer.close()
        await self.writer.wait_closed()


async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]

    a = await Client.connect(port, "A")
    await a.say("hello from A")
    b = await Client.connect(port, "B")
    # B waits for its answer while A stays connected.
    await b.say("hello from B")
    await a.leave()
    await b.leave()
    print(f"most connections open at once: {Open.most}")
    server.close()


asyncio.run(main())

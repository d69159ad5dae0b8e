import asyncio

from vclock import run

MAX_LINE = 80
handlers = []  # so that main can wait for them before the loop closes


async def echo(reader, writer):
    handlers.append(asyncio.current_task())
    try:
        while line := await reader.readline():
            writer.write(b"echo: " + line)
            await writer.drain()
    except ValueError:  # a line longer than the reader's limit
        pass
    writer.close()


class Client:
    def __init__(self, name, reader, writer):
        self.name, self.reader, self.writer = name, reader, writer

    @classmethod
    async def connect(cls, name, port):
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        print(f"{name}: connected")
        return cls(name, reader, writer)

    async def say(self, text):
        self.writer.write(text.encode() + b"\n")
        await self.writer.drain()
        if len(text) > 20:
            print(f"{self.name}: said a line of {len(text)} bytes")
        else:
            print(f"{self.name}: said {text!r}")

    async def hear(self):
        line = await self.reader.readline()
        if line:
            print(f"{self.name}: heard {line.decode().rstrip()!r}")
        else:
            print(f"{self.name}: connection closed")


async def main():
    server = await asyncio.start_server(
        echo, "127.0.0.1", 0, limit=MAX_LINE
    )
    port = server.sockets[0].getsockname()[1]
    alice = await Client.connect("alice", port)
    bob = await Client.connect("bob", port)

    await bob.say("hello")
    await bob.hear()
    await alice.say("hi")
    await alice.hear()
    await bob.say("x" * MAX_LINE)
    await bob.hear()
    await bob.say("x" * (MAX_LINE + 1))
    await bob.hear()
    alice.writer.close()
    await asyncio.gather(*handlers)


run(main())

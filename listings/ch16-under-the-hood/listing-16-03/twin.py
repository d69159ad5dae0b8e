import asyncio

from vclock import run, vprint


class Ticks:
    """The ticks as an object with __anext__: what an async generator
    does for you."""

    def __init__(self, count):
        self.next = 1
        self.count = count

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.next > self.count:
            raise StopAsyncIteration  # the end, like Poll::Ready(None)
        await asyncio.sleep(0.1)
        n = self.next
        self.next += 1
        return n


async def main():
    async for n in Ticks(3):
        vprint(f"got tick {n}")
        await asyncio.sleep(0.05)  # the consumer takes 50 ms per item
    vprint("no more ticks")


run(main())

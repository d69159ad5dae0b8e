import asyncio

from vclock import run, vprint


async def ticker():
    n = 0
    while True:
        n += 1
        vprint(f"tick {n}")
        await asyncio.sleep(0.1)


def crunch(seed):
    """CPU work with no await in it: some arithmetic, a hundred
    thousand steps of it."""
    x = seed
    for _ in range(100_000):
        x = (x * 1_103_515_245 + 12_345) % 2**32
    return x


async def readings():
    """Each reading is computed on the spot, on the event loop's thread."""
    for i in range(1, 4):
        vprint(f"  generator: computing reading {i}")
        crunch(i)
        yield i


async def main():
    ticking = asyncio.create_task(ticker())
    async for i in readings():
        vprint(f"consumer: got reading {i}")
    vprint("consumer: done; now sleeping 250 ms")
    await asyncio.sleep(0.25)
    ticking.cancel()


run(main())

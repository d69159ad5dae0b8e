import asyncio

from vclock import run, vprint


async def ticker():
    for n in range(1, 4):
        vprint(f"tick {n}")
        if n < 3:
            await asyncio.sleep(0.1)


def crunch(seed):
    """CPU work with no await in it: some arithmetic, twenty thousand
    steps of it."""
    x = seed
    for _ in range(20_000):
        x = (x * 1_103_515_245 + 12_345) % 2**32
    return x


async def readings():
    """Each reading is computed on a worker thread and awaited."""
    for i in range(1, 4):
        vprint(f"  generator: computing reading {i}")
        await asyncio.to_thread(crunch, i)
        yield i


async def main():
    ticking = asyncio.create_task(ticker())
    async for i in readings():
        vprint(f"consumer: got reading {i}")
    vprint("consumer: done; now waiting for the ticker's last two ticks")
    await ticking


run(main())

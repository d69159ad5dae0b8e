import asyncio

from vclock import run, vprint


async def ticker():
    """Prints a line every 100 ms, as long as it gets the chance to run."""
    n = 0
    while True:
        n += 1
        vprint(f"tick {n}")
        await asyncio.sleep(0.1)


async def readings():
    """Each reading waits 230 ms for a (simulated) sensor."""
    for i in range(1, 4):
        await asyncio.sleep(0.23)
        yield i


async def main():
    # Keep a reference, or the task may vanish.
    ticking = asyncio.create_task(ticker())
    async for i in readings():
        vprint(f"consumer: got reading {i}")
    vprint("consumer: done")
    ticking.cancel()


run(main())

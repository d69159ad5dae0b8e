import asyncio

from vclock import run, vprint


async def ticks(count):
    for n in range(1, count + 1):
        await asyncio.sleep(0.1)
        yield n


async def main():
    async for n in ticks(3):
        vprint(f"got tick {n}")
        await asyncio.sleep(0.05)  # the consumer takes 50 ms per item
    vprint("no more ticks")


run(main())

import asyncio

from vclock import run, vprint


async def ticks():
    """A generator that never ends: one tick every 200 ms."""
    n = 0
    while True:
        await asyncio.sleep(0.2)
        n += 1
        yield n


async def main():
    try:
        async with asyncio.timeout(0.7):
            async for n in ticks():
                vprint(f"tick {n}")
    except TimeoutError:
        vprint("deadline reached, stop reading")


run(main())

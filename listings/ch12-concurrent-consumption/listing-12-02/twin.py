import asyncio

from vclock import run, vprint


async def ticks():
    """A generator that never ends: one tick every 200 ms."""
    n = 0
    try:
        while True:
            await asyncio.sleep(0.2)
            n += 1
            yield n
    except asyncio.CancelledError:
        vprint("  generator: CancelledError at its sleep")
        raise


async def main():
    gen = ticks()
    try:
        async with asyncio.timeout(0.7):
            async for n in gen:
                vprint(f"tick {n}")
    except TimeoutError:
        vprint("deadline reached, stop reading")
    # The task carries on; the generator does not: the error ended it.
    vprint(f"asked once more: {await anext(gen, None)}")


run(main())

import asyncio
import contextlib

from vclock import run, vprint


async def pages():
    try:
        for n in range(1, 6):
            vprint(f"pages: fetching {n}")
            await asyncio.sleep(0.1)
            yield n
        # Runs only if the consumer reads to the end.
        vprint("pages: all fetched")
    finally:
        vprint("pages: cleanup runs")


async def main():
    async with contextlib.aclosing(pages()) as numbers:
        async for n in numbers:
            vprint(f"main: got page {n}")
            if n == 2:
                break
        vprint("main: left the loop")
    # aclose() has run here, at the end of the `async with` block
    vprint("main: generator closed")


run(main())

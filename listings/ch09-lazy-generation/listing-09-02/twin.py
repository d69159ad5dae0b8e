import asyncio

from vclock import run, vprint


async def pages(count):
    for i in range(1, count + 1):
        vprint(f"  fetching page {i}")
        await asyncio.sleep(0.1)  # stands in for a network call
        vprint(f"  produced page {i}")
        yield f"page {i}"


async def main():
    async for page in pages(3):
        vprint(f"consumed {page}")
    vprint("done")


run(main())

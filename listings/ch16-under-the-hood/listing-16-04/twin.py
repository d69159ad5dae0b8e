import asyncio

from vclock import run, vprint


async def items():
    yield 1
    yield 2
    await asyncio.sleep(0.1)
    yield 3


async def other():
    vprint("the other task runs")


async def main():
    # Another task on this loop: it runs only when main gives the loop back.
    task = asyncio.create_task(other())
    async for n in items():
        vprint(f"got {n}")
    vprint("the generator is over")
    await task


run(main())

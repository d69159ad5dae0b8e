import asyncio

from vclock import run, vprint


async def worker(name):
    for step in range(1, 4):
        await asyncio.sleep(0.1)
        vprint(f"{name}: step {step}")


async def main():
    await worker("a")
    await worker("b")
    vprint("one after the other: done")
    await asyncio.gather(worker("a"), worker("b"))
    vprint("gathered: done")


run(main())

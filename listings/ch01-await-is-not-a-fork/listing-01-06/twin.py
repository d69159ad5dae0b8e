import asyncio

from vclock import run, vprint


async def worker(name, pause):
    for step in range(1, 4):
        await asyncio.sleep(pause)
        vprint(f"{name}: step {step}")


async def main():
    await worker("a", 0.1)
    await worker("b", 0.12)
    vprint("one after the other: done")
    await asyncio.gather(worker("a", 0.1), worker("b", 0.12))
    vprint("gathered: done")


run(main())

import asyncio

from vclock import run, vprint


async def fetch(permits, name, seconds):
    # Waits here while both permits are taken; leaving the block gives the
    # permit back.
    async with permits:
        vprint(f"{name}: start")
        await asyncio.sleep(seconds)
        vprint(f"{name}: done")


async def main():
    permits = asyncio.Semaphore(2)
    async with asyncio.TaskGroup() as tasks:
        for name, seconds in [
            ("a", 0.25),
            ("b", 0.1),
            ("c", 0.2),
            ("d", 0.1),
            ("e", 0.1),
        ]:
            tasks.create_task(fetch(permits, name, seconds))
    vprint("all five done")


run(main())

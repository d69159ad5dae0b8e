import asyncio

from vclock import run, vprint


async def fetch(name, seconds):
    await asyncio.sleep(seconds)
    return name


async def main():
    async with asyncio.TaskGroup() as group:
        tasks = [
            group.create_task(fetch("a", 0.3)),
            group.create_task(fetch("b", 0.1)),
            group.create_task(fetch("c", 0.2)),
        ]
        for next_done in asyncio.as_completed(tasks):
            name = await next_done
            vprint(f"main: {name} finished")
    vprint("main: the group has exited")


run(main())

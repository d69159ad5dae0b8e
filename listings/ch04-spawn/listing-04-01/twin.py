import asyncio

from vclock import run, vprint


async def cached_lookup():
    return 42  # ready at once: awaiting this never suspends


async def job():
    vprint("task: first line")
    await asyncio.sleep(0.1)
    vprint("task: done")


async def main():
    task = asyncio.create_task(job())
    vprint("main: created the task")

    value = await cached_lookup()
    vprint(f"main: awaited a coroutine that did not suspend, got {value}")

    vprint("main: now awaiting a 50 ms sleep")
    await asyncio.sleep(0.05)
    vprint("main: woke up")

    await task
    vprint("main: the task has finished")


run(main())

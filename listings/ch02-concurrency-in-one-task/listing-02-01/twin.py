import asyncio

from vclock import run, vprint


def tasks_alive():
    """How many of the loop's tasks are not done, not counting main."""
    return len(asyncio.all_tasks()) - 1


async def fetch(name, seconds):
    vprint(f"{name}: start (tasks alive: {tasks_alive()})")
    await asyncio.sleep(seconds)
    vprint(f"{name}: done")
    return f"{name}-data"


async def main():
    a, b, c = await asyncio.gather(
        fetch("a", 0.3), fetch("b", 0.2), fetch("c", 0.1)
    )
    vprint(f"gather gave {a}, {b}, {c} (tasks alive: {tasks_alive()})")

    task = asyncio.create_task(fetch("d", 0.1))
    vprint(f"after one create_task (tasks alive: {tasks_alive()})")
    d = await task
    vprint(f"the task gave {d}")


run(main())

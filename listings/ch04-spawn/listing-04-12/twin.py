import asyncio

from vclock import run, vprint


async def fetch(rows, seconds):
    await asyncio.sleep(seconds)
    return rows


async def main():
    tasks = {}
    for name, rows, seconds in [
        ("a", 30, 0.3),
        ("b", 10, 0.1),
        ("c", 20, 0.2),
        ("d", 25, 0.2),
    ]:
        tasks[asyncio.create_task(fetch(rows, seconds))] = name
    slow = next(task for task, name in tasks.items() if name == "a")

    # Keyed by name: c and d finish at the same instant.
    outcomes = {}
    pending = set(tasks)
    while pending:
        done, pending = await asyncio.wait(
            pending, return_when=asyncio.FIRST_COMPLETED
        )
        for task in done:
            name = tasks[task]
            if task.cancelled():
                outcome = "cancelled() = True"
            else:
                outcome = f"{task.result()} rows"
            if name == "b":
                slow.cancel()
                vprint("main: b is in; cancelling a")
            outcomes[name] = outcome
    vprint("main: every task is done")
    for name, outcome in sorted(outcomes.items()):
        vprint(f"main: {name}: {outcome}")


run(main())

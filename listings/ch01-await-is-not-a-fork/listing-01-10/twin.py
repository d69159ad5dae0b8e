import asyncio

# How many steps the loop has done so far; the other task only reads it.
done = 0


async def other_task():
    print(f"  other task: first ran, steps done so far: {done}")


def step(x):
    # One step of CPU work: arithmetic only, nothing to await.
    x ^= (x << 13) & 0xFFFFFFFFFFFFFFFF
    x ^= x >> 7
    return x ^ ((x << 17) & 0xFFFFFFFFFFFFFFFF)


async def cpu_loop(sleep_each_step):
    global done
    other = asyncio.create_task(other_task())
    x = 1
    for _ in range(1000):
        if sleep_each_step:
            await asyncio.sleep(0)  # suspends every time
        x = step(x)
        done += 1
    print(f"  loop: did {done} steps")
    await other


async def main():
    global done
    print("a CPU loop, no await in it:")
    await cpu_loop(False)

    done = 0
    print("the same loop, await asyncio.sleep(0) in each step:")
    await cpu_loop(True)


asyncio.run(main())

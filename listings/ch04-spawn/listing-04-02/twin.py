import asyncio
import queue


async def main():
    messages = queue.Queue()  # a thread-safe queue with a blocking get()
    print("main: creating the task")

    async def job():
        print("task: running")
        messages.put("hello from the task")

    task = asyncio.create_task(job())

    # A blocking get, not an await: main keeps the loop's only thread, given
    # up after 20 ms.
    try:
        message = messages.get(timeout=0.02)
        print(f"main: got {message!r}")
    except queue.Empty:
        print("main: nothing after 20 ms; the task has not started")

    await task
    print(f"main: after await task, got {messages.get_nowait()!r}")


asyncio.run(main())

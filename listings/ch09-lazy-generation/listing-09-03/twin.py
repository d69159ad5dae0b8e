import asyncio
import contextlib


async def numbers(label):
    try:
        i = 0
        while True:
            i += 1
            print(f"  {label}: produced {i}")
            yield i
    finally:
        print(f"  {label}: connection closed")


async def read_three(gen):
    async for i in gen:
        print(f"consumer: got {i}")
        if i == 3:
            print("consumer: that is enough")
            break


async def main():
    print("-- without aclose")
    plain = numbers("plain")
    await read_three(plain)
    print("consumer: after the loop")

    print("-- with contextlib.aclosing")
    async with contextlib.aclosing(numbers("closed")) as closed:
        await read_three(closed)
        print("consumer: after the loop")
    print("consumer: after the async with")
    print("main: returning")


asyncio.run(main())
print("asyncio.run has returned")

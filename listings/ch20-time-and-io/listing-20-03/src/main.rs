use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncWriteExt, DuplexStream, duplex};
use tokio::time::sleep;
use vclock::vprintln;

/// Reads whatever is buffered, every 100 ms, until the writer closes.
async fn reader(mut stream: DuplexStream) {
    let mut buf = [0u8; 1024];
    loop {
        sleep(Duration::from_millis(100)).await;
        let n = stream.read(&mut buf).await.unwrap();
        if n == 0 {
            vprintln!("reader: end of stream");
            return;
        }
        vprintln!("reader: read {n} bytes");
    }
}

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    vclock::start();
    // ANCHOR: main
    let (mut writer, reading_end) = duplex(64);
    let reading = tokio::spawn(reader(reading_end));
    let message = [b'x'; 200];

    let n = writer.write(&message).await.unwrap();
    vprintln!("writer: one write took {n} of the 200 bytes");
    writer.write_all(&message[n..]).await.unwrap();
    vprintln!("writer: write_all returned; the other {} are in", 200 - n);
    drop(writer);
    // ANCHOR_END: main

    reading.await.unwrap();
}

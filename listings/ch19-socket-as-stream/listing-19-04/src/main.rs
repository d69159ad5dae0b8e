use futures::StreamExt;
use std::io::ErrorKind;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};
use tokio::io::AsyncWriteExt;
use tokio::net::TcpSocket;
use tokio::sync::oneshot;
use tokio_util::codec::{FramedRead, LinesCodec};

// ANCHOR: buffers
/// What each socket asks the kernel for, each way. Linux doubles it.
const BUFFER: u32 = 64 * 1024;
/// 16 times the writer's send buffer and the reader's receive buffer
/// together, even at the 128 KiB each that Linux makes of `BUFFER`.
const TOTAL: usize = 4 * 1024 * 1024;
const LINE: usize = 1024;

/// A socket with fixed buffers, so that the host's defaults, which it
/// may grow as the connection runs, play no part.
fn small_buffers() -> TcpSocket {
    let socket = TcpSocket::new_v4().unwrap();
    socket.set_send_buffer_size(BUFFER).unwrap();
    socket.set_recv_buffer_size(BUFFER).unwrap();
    socket
}
// ANCHOR_END: buffers

/// `TOTAL` bytes of numbered lines, `LINE` bytes each with the newline.
fn payload() -> Vec<u8> {
    let mut data = Vec::with_capacity(TOTAL);
    for n in 0..TOTAL / LINE {
        data.extend_from_slice(format!("{n:07} ").as_bytes());
        data.resize(data.len() + LINE - 9, b'.');
        data.push(b'\n');
    }
    data
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR: sockets
    // Set before listen and connect, as TCP needs; the accepted socket
    // takes the listener's sizes.
    let listening = small_buffers();
    listening.bind("127.0.0.1:0".parse().unwrap()).unwrap();
    let listener = listening.listen(1).unwrap();
    let address = listener.local_addr().unwrap();
    let mut conn = small_buffers().connect(address).await.unwrap();
    let (peer, _) = listener.accept().await.unwrap();
    // ANCHOR_END: sockets
    let (stuck, wait_until_stuck) = oneshot::channel();
    let lines_read = Arc::new(AtomicUsize::new(0));
    let read_so_far = lines_read.clone();

    // ANCHOR: reader
    let reader = tokio::spawn(async move {
        let codec = LinesCodec::new_with_max_length(LINE);
        let mut lines = FramedRead::new(peer, codec);
        // Reads nothing until the kernel has refused the writer's bytes.
        wait_until_stuck.await.unwrap();
        println!("reader: starts reading");
        let mut last = String::new();
        while let Some(line) = lines.next().await {
            last = line.unwrap();
            read_so_far.fetch_add(1, Relaxed);
        }
        let count = read_so_far.load(Relaxed);
        println!("reader: {count} lines, the last numbered {}", &last[..7]);
    });
    // ANCHOR_END: reader

    // ANCHOR: writer
    let data = payload();
    let mut sent = 0;
    // try_write never waits: it writes what the kernel takes now, or
    // returns WouldBlock when the kernel takes no more at that moment.
    while sent < TOTAL {
        match conn.try_write(&data[sent..]) {
            Ok(n) => sent += n,
            Err(e) if e.kind() == ErrorKind::WouldBlock => break,
            Err(e) => panic!("{e}"),
        }
    }
    let yes = if sent < TOTAL { "yes" } else { "no" };
    let mib = TOTAL / (1024 * 1024);
    println!("writer: WouldBlock before all {mib} MiB were written: {yes}");
    stuck.send(()).unwrap();
    conn.write_all(&data[sent..]).await.unwrap();
    println!("writer: write_all has written the rest");
    let yes = if lines_read.load(Relaxed) > 0 {
        "yes"
    } else {
        "no"
    };
    println!("writer: the reader had read lines before it finished: {yes}");
    drop(conn);
    // ANCHOR_END: writer
    reader.await.unwrap();
}

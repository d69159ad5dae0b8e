use crate::Limits;
use crate::room::{Line, Room};
use futures::StreamExt;
use std::pin::pin;
use tokio::io::{AsyncRead, AsyncWrite, AsyncWriteExt};
use tokio::sync::mpsc;
use tokio::time::timeout;
use tokio_util::codec::{FramedRead, LinesCodec};
use tokio_util::sync::CancellationToken;

// ANCHOR: connection
/// Serves one client until it leaves, goes idle, sends a line that is
/// too long, or the server shuts down.
pub async fn connection<S>(
    io: S,
    id: u32,
    room: Room,
    limits: Limits,
    shutdown: CancellationToken,
) where
    S: AsyncRead + AsyncWrite + Send + 'static,
{
    let (reader, writer) = tokio::io::split(io);
    let (outbox, inbox) = mpsc::channel(limits.queue);
    let _ = outbox.try_send(format!("welcome, client {id}").into());
    room.join(id, outbox.clone());
    let reading = async move {
        let why = read_lines(reader, id, &room, limits, &shutdown).await;
        let missed = room.leave(id);
        if !shutdown.is_cancelled() {
            let line = format!("client {id} left ({why}), missed {missed}");
            room.broadcast(id, &line);
        }
        let _ = outbox.try_send(format!("bye: {why}").into());
        // The last sender goes here: `write_lines` sends what is queued,
        // then closes the connection.
    };
    tokio::join!(reading, write_lines(writer, inbox));
}
// ANCHOR_END: connection

// ANCHOR: read
async fn read_lines(
    reader: impl AsyncRead,
    id: u32,
    room: &Room,
    limits: Limits,
    shutdown: &CancellationToken,
) -> &'static str {
    let codec = LinesCodec::new_with_max_length(limits.max_line);
    let mut lines = pin!(FramedRead::new(reader, codec));
    loop {
        let next = tokio::select! {
            biased;
            () = shutdown.cancelled() => return "server shutting down",
            next = timeout(limits.idle, lines.next()) => next,
        };
        match next {
            Err(_) => return "idle",
            Ok(None) => return "disconnected",
            Ok(Some(Err(_))) => return "line too long",
            Ok(Some(Ok(line))) => {
                room.broadcast(id, &format!("{id}: {line}"))
            }
        }
    }
}
// ANCHOR_END: read

async fn write_lines(
    writer: impl AsyncWrite,
    mut inbox: mpsc::Receiver<Line>,
) {
    let mut writer = pin!(writer);
    while let Some(line) = inbox.recv().await {
        let line = format!("{line}\n");
        if writer.write_all(line.as_bytes()).await.is_err() {
            return;
        }
    }
    let _ = writer.shutdown().await;
}

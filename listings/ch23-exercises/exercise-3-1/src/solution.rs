use crate::RateLimit;
use futures::StreamExt;
use std::collections::VecDeque;
use tokio::io::{AsyncRead, AsyncWrite, AsyncWriteExt};
use tokio::time::Instant;
use tokio_util::codec::{FramedRead, LinesCodec};

/// Echoes each line back as `echo: <line>`, but answers `slow down`
/// instead to a line that comes when `limit.burst` lines were already
/// echoed in the last `limit.per`.
pub async fn echo<S>(io: S, limit: RateLimit)
where
    S: AsyncRead + AsyncWrite,
{
    let (reader, mut writer) = tokio::io::split(io);
    let mut lines =
        FramedRead::new(reader, LinesCodec::new_with_max_length(80));
    // When each of the last `burst` echoed lines came, oldest first.
    let mut echoed: VecDeque<Instant> =
        VecDeque::with_capacity(limit.burst);
    while let Some(Ok(line)) = lines.next().await {
        let now = Instant::now();
        while echoed.front().is_some_and(|&at| now - at >= limit.per) {
            echoed.pop_front();
        }
        let reply = if echoed.len() < limit.burst {
            echoed.push_back(now);
            format!("echo: {line}\n")
        } else {
            "slow down\n".to_string()
        };
        if writer.write_all(reply.as_bytes()).await.is_err() {
            return;
        }
    }
}

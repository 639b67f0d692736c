//! Packets another office sent, kept while a department fills them in: stored once for all,
//! changed as changes applied to the latest stored list (two tabs keep both).

use serde::{Deserialize, Serialize};

use super::envelope;
use super::keys;
use super::{Library, Store, StoreError};
use crate::ledger::packet::Packet;
use crate::plan::file::FileError;

#[derive(Default, Serialize, Deserialize)]
struct PacketsValue {
    packets: Vec<Packet>,
}

pub(super) fn read(raw: &str) -> Result<Vec<Packet>, FileError> {
    Ok(envelope::read::<PacketsValue>(raw)?.packets)
}

impl<S: Store> Library<S> {
    /// The packets kept (none when there are none or they cannot be read).
    pub fn packets(&self) -> Vec<Packet> {
        self.store
            .get(keys::PACKETS)
            .and_then(|raw| read(&raw).ok())
            .unwrap_or_default()
    }

    /// Applies `change` to the packets as stored now and stores them when they changed.
    pub fn change_packets<T>(
        &mut self,
        change: impl FnOnce(&mut Vec<Packet>) -> T,
    ) -> Result<(Vec<Packet>, T), StoreError> {
        let mut packets = self
            .read_for_change(keys::PACKETS, read)?
            .unwrap_or_default();
        let before = packets.clone();
        let out = change(&mut packets);
        if packets != before {
            let value = envelope::write(PacketsValue {
                packets: packets.clone(),
            });
            self.write_over(keys::PACKETS, &value)?;
        }
        Ok((packets, out))
    }
}

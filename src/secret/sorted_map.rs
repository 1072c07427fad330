//! [`SortedMap`]: the maps of the generated documents (a docker config's `auths` and
//! `credHelpers`, a Secret's labels and annotations), kept in key order as Go writes map keys.

use crate::json::ToJson;

/// Entries with text keys kept in key order (by bytes, the order Go sorts map keys in), each key
/// once: a sorted list rather than a `BTreeMap`. These maps hold a handful of entries (at most
/// a few hundred), and each `BTreeMap` key and value type compiled a whole B-tree (insert,
/// rebalancing, iteration, drop) into the module (bench/size-history.md).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SortedMap<K, V> {
    entries: Vec<(K, V)>,
}

/// Text to text, in key order: labels, annotations, credential helpers.
pub type StringMap = SortedMap<String, String>;

impl<K, V> Default for SortedMap<K, V> {
    fn default() -> Self {
        SortedMap {
            entries: Vec::new(),
        }
    }
}

impl<K: AsRef<str>, V> SortedMap<K, V> {
    /// An empty map.
    pub fn new() -> Self {
        SortedMap::default()
    }

    /// Sets `key` to `value`, in key order; returns the value `key` had, if any (the key
    /// itself stays).
    pub fn insert(&mut self, key: K, value: V) -> Option<V> {
        match self.position(key.as_ref()) {
            Ok(at) => self
                .entries
                .get_mut(at)
                .map(|(_, old)| std::mem::replace(old, value)),
            Err(at) => {
                self.entries.insert(at, (key, value));
                None
            }
        }
    }

    /// The value of `key`.
    pub fn get(&self, key: &str) -> Option<&V> {
        let at = self.position(key).ok()?;
        self.entries.get(at).map(|(_, v)| v)
    }

    fn position(&self, key: &str) -> Result<usize, usize> {
        self.entries
            .binary_search_by(|(k, _)| k.as_ref().as_bytes().cmp(key.as_bytes()))
    }
}

impl<K, V> SortedMap<K, V> {
    /// Whether the map has no entry.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The number of entries.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// The entries in key order.
    pub fn iter(&self) -> impl Iterator<Item = (&K, &V)> {
        self.entries.iter().map(|(k, v)| (k, v))
    }

    /// The keys in order.
    pub fn keys(&self) -> impl Iterator<Item = &K> {
        self.entries.iter().map(|(k, _)| k)
    }
}

impl<K: AsRef<str>, V> FromIterator<(K, V)> for SortedMap<K, V> {
    /// Inserts the pairs one by one (a later pair with the same key replaces the value).
    fn from_iter<I: IntoIterator<Item = (K, V)>>(pairs: I) -> Self {
        let mut map = SortedMap::new();
        for (k, v) in pairs {
            map.insert(k, v);
        }
        map
    }
}

impl<K: AsRef<str>, V: ToJson> ToJson for SortedMap<K, V> {
    /// A JSON object, members in key order.
    fn write_json(&self, out: &mut String) {
        let mut object = crate::json::object(out);
        for (k, v) in &self.entries {
            object.field(k.as_ref(), v);
        }
        object.end();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    #[test]
    fn orders_and_replaces_as_a_btree_map_does() {
        let pairs = [
            ("b", "1"),
            ("a", "2"),
            ("B", "3"),
            ("b", "4"),
            ("é", "5"),
            ("", "6"),
            ("ab", "7"),
        ];
        let ours: StringMap = pairs
            .map(|(k, v)| (k.to_owned(), v.to_owned()))
            .into_iter()
            .collect();
        let theirs: BTreeMap<String, String> = pairs
            .map(|(k, v)| (k.to_owned(), v.to_owned()))
            .into_iter()
            .collect();
        assert!(ours.iter().eq(theirs.iter()));
        assert_eq!(ours.len(), theirs.len());
        assert_eq!(ours.get("b").map(String::as_str), Some("4"));
        assert_eq!(ours.get("c"), None);
        assert_eq!(
            crate::json::to_string(&ours),
            crate::json::to_string(&theirs)
        );
        let mut m = StringMap::new();
        assert_eq!(m.insert("k".into(), "1".into()), None);
        assert_eq!(m.insert("k".into(), "2".into()), Some("1".into()));
        assert!(m.keys().map(String::as_str).eq(["k"]));
    }
}

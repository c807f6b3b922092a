//! Imported documents kept in IndexedDB (rexie): one record per item, and the last assembled corpus as a
//! cache, so a reload shows them without processing them again.

use js_sys::Uint8Array;
use parallax_core::import::Problem;
use rexie::{ObjectStore, Rexie, TransactionMode};
use wasm_bindgen::JsValue;

use super::build::Stored;

const DATABASE: &str = "parallax";
const ITEMS: &str = "items";
const STATE: &str = "state";
const CORPUS_KEY: &str = "corpus";
const STAMP_KEY: &str = "stamp";

/// Opens (and on first use creates) the database.
pub async fn open() -> Result<Rexie, String> {
    Rexie::builder(DATABASE)
        .version(1)
        .add_object_store(ObjectStore::new(ITEMS))
        .add_object_store(ObjectStore::new(STATE))
        .build()
        .await
        .map_err(|e| format!("The browser's storage (IndexedDB) cannot be opened: {e}."))
}

/// Every kept item, in the order they were imported; records that cannot be read are named in problems
/// and left where they are.
pub async fn items(db: &Rexie) -> Result<(Vec<Stored>, Vec<Problem>), String> {
    let tx = db.transaction(&[ITEMS], TransactionMode::ReadOnly).map_err(read_error)?;
    let store = tx.store(ITEMS).map_err(read_error)?;
    let values = store.get_all(None, None).await.map_err(read_error)?;
    let mut items = Vec::with_capacity(values.len());
    let mut problems = Vec::new();
    for value in values {
        let bytes = Uint8Array::new(&value).to_vec();
        match postcard::from_bytes::<Stored>(&bytes) {
            Ok(s) => items.push(s),
            Err(e) => problems.push(Problem {
                file: "stored document".to_owned(),
                severity: parallax_core::Severity::Warning,
                message: format!("a kept record cannot be read ({e}); it was left in storage untouched."),
            }),
        }
    }
    items.sort_by(|a, b| a.added.total_cmp(&b.added).then(a.seq.cmp(&b.seq)));
    Ok((items, problems))
}

/// Keeps one item (a new one, or one renamed or edited).
pub async fn put(db: &Rexie, stored: &Stored) -> Result<(), String> {
    let bytes = postcard::to_allocvec(stored).map_err(|e| e.to_string())?;
    let tx = db.transaction(&[ITEMS], TransactionMode::ReadWrite).map_err(write_error)?;
    let store = tx.store(ITEMS).map_err(write_error)?;
    store
        .put(&Uint8Array::from(bytes.as_slice()).into(), Some(&JsValue::from_str(&stored.id)))
        .await
        .map_err(write_error)?;
    committed(tx.done().await)
}

/// Removes items.
pub async fn delete(db: &Rexie, ids: &[String]) -> Result<(), String> {
    let tx = db.transaction(&[ITEMS, STATE], TransactionMode::ReadWrite).map_err(write_error)?;
    let store = tx.store(ITEMS).map_err(write_error)?;
    for id in ids {
        store.delete(JsValue::from_str(id)).await.map_err(write_error)?;
    }
    tx.store(STATE).map_err(write_error)?.delete(JsValue::from_str(STAMP_KEY)).await.map_err(write_error)?;
    committed(tx.done().await)
}

/// The cached corpus, if its stamp is `stamp`.
pub async fn corpus(db: &Rexie, stamp: &str) -> Option<Vec<u8>> {
    let tx = db.transaction(&[STATE], TransactionMode::ReadOnly).ok()?;
    let store = tx.store(STATE).ok()?;
    let kept = store.get(JsValue::from_str(STAMP_KEY)).await.ok()??;
    if kept.as_string()? != stamp {
        return None;
    }
    let bytes = store.get(JsValue::from_str(CORPUS_KEY)).await.ok()??;
    Some(Uint8Array::new(&bytes).to_vec())
}

/// Caches an assembled corpus under its stamp. A cache that does not fit is no loss (the items are kept),
/// so the error is returned for a note only.
pub async fn put_corpus(db: &Rexie, stamp: &str, bytes: &[u8]) -> Result<(), String> {
    let tx = db.transaction(&[STATE], TransactionMode::ReadWrite).map_err(write_error)?;
    let store = tx.store(STATE).map_err(write_error)?;
    store
        .put(&Uint8Array::from(bytes).into(), Some(&JsValue::from_str(CORPUS_KEY)))
        .await
        .map_err(write_error)?;
    store.put(&JsValue::from_str(stamp), Some(&JsValue::from_str(STAMP_KEY))).await.map_err(write_error)?;
    committed(tx.done().await)
}

/// A write transaction's end. One aborted without a failed request was refused at commit: by the quota
/// (the browser does not pass on the reason), or by a full disk.
fn committed(result: rexie::Result<rexie::TransactionResult>) -> Result<(), String> {
    match result {
        Ok(r) if r.is_committed() => Ok(()),
        Ok(_) => Err(FULL.to_owned()),
        Err(e) => Err(write_error(e)),
    }
}

const FULL: &str = "the browser's storage for this site is full, so it was not kept (documents kept before are untouched). Remove imported documents, or free space in the browser's site settings.";

fn read_error(e: rexie::Error) -> String {
    format!("The browser's storage (IndexedDB) cannot be read: {e}.")
}

/// A write's error in words; a full quota says so.
fn write_error(e: rexie::Error) -> String {
    let text = format!("{e} {e:?}");
    if text.contains("Quota") {
        FULL.to_owned()
    } else {
        format!("it could not be kept in the browser's storage (IndexedDB): {e}.")
    }
}

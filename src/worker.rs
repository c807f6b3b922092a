//! The import worker's entry point (a Web Worker built by Trunk from `index.html`'s worker link).

use gloo_worker::Registrable;

fn main() {
    parallax::panic::install();
    parallax::import::worker::ImportWorker::registrar().register();
}

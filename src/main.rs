//! The browser entry point; everything else is in the library so tests can mount any part of it.

fn main() {
    parallax::panic::install();
    parallax::offline::register();
    yew::Renderer::<parallax::App>::new().render();
}

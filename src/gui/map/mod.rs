//! The map: the states' shapes on screen, their colours by map mode, their
//! names, hover and selection, and the camera that frames and moves it.
//!
//! - `camera.rs`: framed on the scenario's states; pan and zoom.
//! - `view.rs`: country meshes, borders, labels, hover and selection.
//! - `modes.rs`: what the colours mean in each map mode.

pub(in crate::gui) mod camera;
pub(in crate::gui) mod modes;
pub(in crate::gui) mod view;

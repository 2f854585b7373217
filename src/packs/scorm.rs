//! The SCORM 1.2 package: the standalone pack zipped with an `imsmanifest.xml` that lists
//! every file. Entries are sorted and timestamped 1980-01-01, so the same input always
//! gives a byte-identical zip.

use std::io::{Cursor, Write};

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipWriter};

use super::pages::PackFiles;
use crate::course::Pack;

/// The launch page the LMS opens; it frames the pack and talks to the LMS.
pub const LAUNCH_PAGE: &str = "scorm.html";

/// The schema files the manifest names, put beside it in the zip (see scorm12/README.md).
const SCHEMAS: &[(&str, &[u8])] = &[
    (
        "adlcp_rootv1p2.xsd",
        include_bytes!("scorm12/adlcp_rootv1p2.xsd"),
    ),
    ("ims_xml.xsd", include_bytes!("scorm12/ims_xml.xsd")),
    (
        "imscp_rootv1p1p2.xsd",
        include_bytes!("scorm12/imscp_rootv1p1p2.xsd"),
    ),
    (
        "imsmd_rootv1p2p1.xsd",
        include_bytes!("scorm12/imsmd_rootv1p2p1.xsd"),
    ),
];

pub fn zip_name(pack: &Pack) -> String {
    format!("{}-scorm12.zip", pack.id)
}

/// What the theme's `imsmanifest.xml` is made from: the pack, its language (the LOM
/// metadata's, so a learning platform shows the course's language) and every file.
#[derive(serde::Serialize)]
pub struct ManifestCtx<'a> {
    pub id: &'a str,
    pub title: &'a str,
    pub language: &'a str,
    pub launch: &'static str,
    pub files: Vec<&'a str>,
}

/// The zip's bytes: the manifest first, then every file (the schema files the manifest
/// names among them) in name order.
pub fn package(
    pack: &Pack,
    files: &PackFiles,
    language: &str,
    manifest: impl FnOnce(&ManifestCtx<'_>) -> Result<String, crate::Error>,
) -> Result<Vec<u8>, crate::Error> {
    let io = |error| {
        crate::Error::Output(crate::output::OutputError::Io {
            path: std::path::PathBuf::from(zip_name(pack)),
            error,
        })
    };
    let options = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .last_modified_time(DateTime::default())
        .unix_permissions(0o644);
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    let all: std::collections::BTreeMap<&str, &[u8]> = files
        .iter()
        .map(|(n, b)| (n.as_str(), b.as_slice()))
        .chain(SCHEMAS.iter().copied())
        .collect();
    let manifest = manifest(&ManifestCtx {
        id: &pack.id,
        title: &pack.title,
        language,
        launch: LAUNCH_PAGE,
        files: all.keys().copied().collect(),
    })?;
    let entries = std::iter::once(("imsmanifest.xml", manifest.as_bytes())).chain(all);
    for (name, bytes) in entries {
        zip.start_file(name, options)
            .map_err(|e| io(std::io::Error::other(e)))?;
        zip.write_all(bytes).map_err(io)?;
    }
    Ok(zip
        .finish()
        .map_err(|e| io(std::io::Error::other(e)))?
        .into_inner())
}

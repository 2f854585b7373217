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

pub fn manifest<'n>(pack: &Pack, names: impl IntoIterator<Item = &'n str>) -> String {
    let id = xml(&pack.id);
    let title = xml(&pack.title);
    let mut list = String::new();
    for name in names {
        list.push_str(&format!("      <file href=\"{}\"/>\n", xml(name)));
    }
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="carebook-{id}" version="1.0"
  xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
  </metadata>
  <organizations default="org-{id}">
    <organization identifier="org-{id}">
      <title>{title}</title>
      <item identifier="item-{id}" identifierref="sco-{id}" isvisible="true">
        <title>{title}</title>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="sco-{id}" type="webcontent" adlcp:scormtype="sco" href="{LAUNCH_PAGE}">
{list}    </resource>
  </resources>
</manifest>
"#
    )
}

fn xml(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The zip's bytes: the manifest first, then every file (the schema files the manifest
/// names among them) in name order.
pub fn package(pack: &Pack, files: &PackFiles) -> std::io::Result<Vec<u8>> {
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
    let manifest = manifest(pack, all.keys().copied());
    let entries = std::iter::once(("imsmanifest.xml", manifest.as_bytes())).chain(all);
    for (name, bytes) in entries {
        zip.start_file(name, options)
            .map_err(std::io::Error::other)?;
        zip.write_all(bytes)?;
    }
    Ok(zip.finish().map_err(std::io::Error::other)?.into_inner())
}

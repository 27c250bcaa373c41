//! Photos of observations: read a JPEG or PNG, turn it the way the camera held it, scale
//! it down to at most 1600 px on the long side and store it as a fresh JPEG. Re-encoding
//! keeps only the pixels, so the camera's metadata (EXIF, GPS position, device) is gone.
//! Pure: bytes in, bytes out; the caller reads and stores the file.

use crate::domain::{Photo, PhotoId};
use image::{DynamicImage, ImageDecoder, ImageReader, Limits};
use std::io::Cursor;

/// The longest side kept, in pixels.
pub const MAX_SIDE: u32 = 1600;
/// A photo file larger than this is refused before it is decoded.
pub const MAX_FILE_BYTES: usize = 30 * 1024 * 1024;
/// Larger pictures than this (in pixels per side) are refused: no camera makes them.
const MAX_PIXELS_SIDE: u32 = 20_000;
/// At most this many pixels (64 megapixels, more than a phone's 50 MP mode): a small file
/// can declare a huge picture, and the pixel count, not the file size, decides the memory.
pub const MAX_PIXELS: u64 = 64_000_000;
/// At most this much memory for the decoded picture (checked from the header before
/// decoding, and given to the decoder as its allocation limit).
const MAX_DECODE_BYTES: u64 = 400 * 1024 * 1024;
const JPEG_QUALITY: u8 = 85;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PhotoError {
    #[error("Filen är {0} MB; en bild får vara högst 30 MB.")]
    TooLarge(usize),
    #[error("Filen är ingen bild som kan läsas (JPEG eller PNG).")]
    NotAnImage,
    #[error("Bilden är för stor ({0}×{1} bildpunkter; högst {max} miljoner). Spara den i lägre upplösning och försök igen.", max = MAX_PIXELS / 1_000_000)]
    TooManyPixels(u32, u32),
    #[error(
        "Bilden är ofullständig (filen tar slut mitt i bilden). Kopiera den på nytt från kameran eller telefonen."
    )]
    Truncated,
}

/// A photo ready to store: scaled down (never up), turned upright, without metadata.
pub fn prepare(bytes: &[u8]) -> Result<Photo, PhotoError> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(PhotoError::TooLarge(bytes.len().div_ceil(1024 * 1024)));
    }
    let mut reader = ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|_| PhotoError::NotAnImage)?;
    if !matches!(
        reader.format(),
        Some(image::ImageFormat::Jpeg | image::ImageFormat::Png)
    ) {
        return Err(PhotoError::NotAnImage);
    }
    if reader.format() == Some(image::ImageFormat::Jpeg) && !jpeg_is_complete(bytes) {
        return Err(PhotoError::Truncated);
    }
    // The header first, without decoding: a picture too large is refused by its size.
    let (w, h) = ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|_| PhotoError::NotAnImage)?
        .into_dimensions()
        .map_err(|_| PhotoError::NotAnImage)?;
    if w > MAX_PIXELS_SIDE || h > MAX_PIXELS_SIDE || u64::from(w) * u64::from(h) > MAX_PIXELS {
        return Err(PhotoError::TooManyPixels(w, h));
    }
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_PIXELS_SIDE);
    limits.max_image_height = Some(MAX_PIXELS_SIDE);
    limits.max_alloc = Some(MAX_DECODE_BYTES);
    reader.limits(limits);
    let mut decoder = reader.into_decoder().map_err(|e| match e {
        image::ImageError::Limits(_) => PhotoError::TooManyPixels(w, h),
        _ => PhotoError::NotAnImage,
    })?;
    // 16-bit RGBA takes 8 bytes a pixel: bounded before a byte is decoded.
    if decoder.total_bytes() > MAX_DECODE_BYTES {
        return Err(PhotoError::TooManyPixels(w, h));
    }
    let orientation = decoder
        .orientation()
        .unwrap_or(image::metadata::Orientation::NoTransforms);
    let mut img = DynamicImage::from_decoder(decoder).map_err(|e| match e {
        image::ImageError::Limits(_) => PhotoError::TooManyPixels(w, h),
        _ => PhotoError::NotAnImage,
    })?;
    // Scaled down before it is turned, so that turning copies the small picture (the
    // bound is square, so the order does not change the result).
    if img.width().max(img.height()) > MAX_SIDE {
        img = img.resize(MAX_SIDE, MAX_SIDE, image::imageops::FilterType::Triangle);
    }
    img.apply_orientation(orientation);
    let rgb = img.to_rgb8();
    let mut jpeg = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut jpeg, JPEG_QUALITY)
        .encode_image(&rgb)
        .map_err(|_| PhotoError::NotAnImage)?;
    Ok(Photo {
        id: PhotoId::NEW,
        jpeg,
        width: rgb.width(),
        height: rgb.height(),
    })
}

/// Whether a JPEG's last scan ends with its end-of-image marker. The decoder fills a cut-off
/// file with grey instead of failing; a cut-off file has no FF D9 after its last FF DA
/// (start of scan). Neither marker can occur inside scan data (an FF there is followed by
/// 00), and an embedded thumbnail's markers come before the main picture's scans.
fn jpeg_is_complete(bytes: &[u8]) -> bool {
    let last = |marker: u8| bytes.windows(2).rposition(|w| w == [0xFF, marker]);
    match (last(0xDA), last(0xD9)) {
        (Some(sos), Some(eoi)) => eoi > sos,
        _ => false,
    }
}

/// Where the camera says the photo was taken (its EXIF GPS position), read before the
/// metadata is dropped. The position is only used when the user asks for it.
pub fn position_in(bytes: &[u8]) -> Option<crate::domain::GeoPoint> {
    use exif::{In, Tag, Value};
    let exif = exif::Reader::new()
        .read_from_container(&mut Cursor::new(bytes))
        .ok()?;
    let degrees = |tag, reference, negative: &[u8]| -> Option<f64> {
        let f = exif.get_field(tag, In::PRIMARY)?;
        let Value::Rational(parts) = &f.value else {
            return None;
        };
        let [d, m, s] = parts.as_slice() else {
            return None;
        };
        let v = d.to_f64() + m.to_f64() / 60.0 + s.to_f64() / 3600.0;
        let south_or_west = match &exif.get_field(reference, In::PRIMARY)?.value {
            Value::Ascii(a) => a.first().is_some_and(|r| r.starts_with(negative)),
            _ => false,
        };
        v.is_finite().then_some(if south_or_west { -v } else { v })
    };
    let lat = degrees(Tag::GPSLatitude, Tag::GPSLatitudeRef, b"S")?;
    let lon = degrees(Tag::GPSLongitude, Tag::GPSLongitudeRef, b"W")?;
    crate::domain::GeoPoint::from_degrees(lat, lon)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The pixels of a stored photo: it is a JPEG that decodes at its stated size.
    fn decode(photo: &Photo) -> Option<image::RgbImage> {
        image::load_from_memory_with_format(&photo.jpeg, image::ImageFormat::Jpeg)
            .ok()
            .map(|i| i.to_rgb8())
    }
    use image::{ImageEncoder, Rgb, RgbImage};

    /// A real JPEG made here, with an EXIF block carrying a GPS tag and orientation 6
    /// (the camera held upright: turn 90° clockwise).
    fn camera_jpeg(w: u32, h: u32) -> Vec<u8> {
        let img = RgbImage::from_fn(w, h, |x, y| Rgb([(x % 256) as u8, (y % 256) as u8, 90]));
        let mut plain = Vec::new();
        image::codecs::jpeg::JpegEncoder::new_with_quality(&mut plain, 90)
            .write_image(img.as_raw(), w, h, image::ExtendedColorType::Rgb8)
            .unwrap();
        // Insert an APP1 Exif segment right after SOI (FF D8).
        let mut tiff = Vec::new();
        tiff.extend_from_slice(b"MM\0\x2a\0\0\0\x08"); // big endian, IFD0 at 8
        tiff.extend_from_slice(&2u16.to_be_bytes()); // two entries
        // Orientation (0x0112), SHORT, count 1, value 6.
        tiff.extend_from_slice(&[0x01, 0x12, 0x00, 0x03, 0, 0, 0, 1, 0x00, 0x06, 0, 0]);
        // GPSInfo IFD pointer (0x8825), LONG, count 1, offset 38 (empty GPS IFD below).
        tiff.extend_from_slice(&[0x88, 0x25, 0x00, 0x04, 0, 0, 0, 1, 0, 0, 0, 38]);
        tiff.extend_from_slice(&[0, 0, 0, 0]); // no next IFD
        tiff.extend_from_slice(&[0, 0, 0, 0, 0, 0]); // GPS IFD: 0 entries, no next
        let mut app1 = b"Exif\0\0".to_vec();
        app1.extend_from_slice(&tiff);
        app1.extend_from_slice(b"GPS-MARKER-56.0512");
        let len = (app1.len() + 2) as u16;
        let mut out = vec![0xFF, 0xD8, 0xFF, 0xE1];
        out.extend_from_slice(&len.to_be_bytes());
        out.extend_from_slice(&app1);
        out.extend_from_slice(&plain[2..]);
        out
    }

    /// A PNG that declares `w`×`h` pixels of `depth`-bit `colour` (2 = RGB, 6 = RGBA) and
    /// carries a few bytes of image data: a small file that would ask for a huge decode.
    fn declared_png(w: u32, h: u32, depth: u8, colour: u8) -> Vec<u8> {
        fn crc32(bytes: &[u8]) -> u32 {
            let mut crc = !0u32;
            for &b in bytes {
                crc ^= u32::from(b);
                for _ in 0..8 {
                    crc = if crc & 1 == 1 {
                        (crc >> 1) ^ 0xEDB8_8320
                    } else {
                        crc >> 1
                    };
                }
            }
            !crc
        }
        let chunk = |out: &mut Vec<u8>, kind: &[u8; 4], data: &[u8]| {
            out.extend_from_slice(&(data.len() as u32).to_be_bytes());
            let mut body = kind.to_vec();
            body.extend_from_slice(data);
            out.extend_from_slice(&body);
            out.extend_from_slice(&crc32(&body).to_be_bytes());
        };
        let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
        let mut ihdr = w.to_be_bytes().to_vec();
        ihdr.extend_from_slice(&h.to_be_bytes());
        ihdr.extend_from_slice(&[depth, colour, 0, 0, 0]);
        chunk(&mut out, b"IHDR", &ihdr);
        chunk(
            &mut out,
            b"IDAT",
            &[0x78, 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01],
        );
        chunk(&mut out, b"IEND", &[]);
        out
    }

    /// Refused from the header, before any memory is taken for pixels: the message names
    /// the real size (it said "0×0" for sides beyond the per-side limit).
    #[test]
    fn huge_pictures_in_small_files_are_refused_before_decoding() {
        for (w, h, depth, colour) in [
            (30_000, 30_000, 8, 2),  // beyond the per-side limit
            (20_000, 20_000, 16, 2), // the hostile tester's 3 MB PNG: 400 MP
            (10_000, 10_000, 8, 2),  // 100 MP: over the pixel count
            (8_000, 8_000, 16, 6),   // 64 MP at 8 bytes a pixel: over the memory bound
        ] {
            let png = declared_png(w, h, depth, colour);
            assert!(png.len() < 100);
            assert_eq!(
                prepare(&png),
                Err(PhotoError::TooManyPixels(w, h)),
                "{w}×{h}"
            );
        }
        let msg = PhotoError::TooManyPixels(30_000, 30_000).to_string();
        assert!(
            msg.contains("30000×30000") && msg.contains("högst 64 miljoner"),
            "{msg}"
        );
    }

    /// A JPEG cut off mid-scan decodes to grey without an error; it is refused instead.
    #[test]
    fn a_cut_off_jpeg_is_refused_not_stored_grey() {
        let whole = camera_jpeg(800, 600);
        assert!(prepare(&whole).is_ok());
        for keep in [700, 3_000, whole.len() / 2, whole.len() - 2] {
            assert_eq!(
                prepare(&whole[..keep]),
                Err(PhotoError::Truncated),
                "{keep} bytes"
            );
        }
    }

    /// A JPEG whose EXIF places it at 56°3'4.32" N, 14°35'7.08" E (56.0512, 14.5853).
    fn jpeg_with_gps() -> Vec<u8> {
        let img = RgbImage::from_pixel(40, 30, Rgb([90, 90, 90]));
        let mut plain = Vec::new();
        image::codecs::jpeg::JpegEncoder::new_with_quality(&mut plain, 90)
            .write_image(img.as_raw(), 40, 30, image::ExtendedColorType::Rgb8)
            .unwrap();
        let entry = |tag: u16, kind: u16, count: u32, value: [u8; 4]| {
            let mut e = tag.to_be_bytes().to_vec();
            e.extend_from_slice(&kind.to_be_bytes());
            e.extend_from_slice(&count.to_be_bytes());
            e.extend_from_slice(&value);
            e
        };
        let mut tiff = b"MM\0\x2a\0\0\0\x08".to_vec();
        // IFD0 at 8: the GPS IFD pointer; GPS IFD at 26; its rationals at 80 and 104.
        tiff.extend_from_slice(&1u16.to_be_bytes());
        tiff.extend(entry(0x8825, 4, 1, 26u32.to_be_bytes()));
        tiff.extend_from_slice(&[0; 4]);
        tiff.extend_from_slice(&4u16.to_be_bytes());
        tiff.extend(entry(0x0001, 2, 2, *b"N\0\0\0"));
        tiff.extend(entry(0x0002, 5, 3, 80u32.to_be_bytes()));
        tiff.extend(entry(0x0003, 2, 2, *b"E\0\0\0"));
        tiff.extend(entry(0x0004, 5, 3, 104u32.to_be_bytes()));
        tiff.extend_from_slice(&[0; 4]);
        assert_eq!(tiff.len(), 80);
        for (n, d) in [
            (56u32, 1u32),
            (3, 1),
            (432, 100),
            (14, 1),
            (35, 1),
            (708, 100),
        ] {
            tiff.extend_from_slice(&n.to_be_bytes());
            tiff.extend_from_slice(&d.to_be_bytes());
        }
        let mut app1 = b"Exif\0\0".to_vec();
        app1.extend_from_slice(&tiff);
        let mut out = vec![0xFF, 0xD8, 0xFF, 0xE1];
        out.extend_from_slice(&((app1.len() + 2) as u16).to_be_bytes());
        out.extend_from_slice(&app1);
        out.extend_from_slice(&plain[2..]);
        out
    }

    #[test]
    fn the_cameras_position_is_read_but_never_stored() {
        let bytes = jpeg_with_gps();
        let p = position_in(&bytes).unwrap();
        assert_eq!((p.lat_e6, p.lon_e6), (56_051_200, 14_585_300));
        let stored = prepare(&bytes).unwrap();
        assert_eq!(position_in(&stored.jpeg), None, "the stored copy has none");
        assert_eq!(position_in(&png(10, 10)), None);
        assert_eq!(position_in(b"not a photo"), None);
    }

    fn png(w: u32, h: u32) -> Vec<u8> {
        let img = RgbImage::from_pixel(w, h, Rgb([10, 200, 30]));
        let mut out = Vec::new();
        image::codecs::png::PngEncoder::new(&mut out)
            .write_image(img.as_raw(), w, h, image::ExtendedColorType::Rgb8)
            .unwrap();
        out
    }

    #[test]
    fn a_camera_photo_is_turned_scaled_and_stripped() {
        let bytes = camera_jpeg(2400, 1800);
        assert!(bytes.windows(4).any(|w| w == b"Exif"));
        let p = prepare(&bytes).unwrap();
        // Orientation 6 turns 2400×1800 into 1800×2400, then 1600 on the long side.
        assert_eq!((p.width, p.height), (1200, 1600));
        assert!(p.jpeg.starts_with(&[0xFF, 0xD8]));
        assert!(!p.jpeg.windows(4).any(|w| w == b"Exif"), "no EXIF left");
        assert!(!p.jpeg.windows(3).any(|w| w == b"GPS"), "no GPS left");
        let back = decode(&p).unwrap();
        assert_eq!((back.width(), back.height()), (1200, 1600));
    }

    #[test]
    fn a_small_png_is_never_upsampled() {
        let p = prepare(&png(300, 200)).unwrap();
        assert_eq!((p.width, p.height), (300, 200));
        let back = decode(&p).unwrap();
        assert_eq!((back.width(), back.height()), (300, 200));
    }

    #[test]
    fn what_is_not_a_photo_is_refused() {
        assert_eq!(
            prepare(b"hej, det har ar text"),
            Err(PhotoError::NotAnImage)
        );
        assert_eq!(prepare(b"%PDF-1.7 ..."), Err(PhotoError::NotAnImage));
        // A JPEG cut short is named as such (see a_cut_off_jpeg_is_refused_not_stored_grey).
        let bytes = camera_jpeg(64, 64);
        assert_eq!(
            prepare(&bytes[..bytes.len() / 3]),
            Err(PhotoError::Truncated)
        );
        assert!(matches!(
            prepare(&vec![0u8; MAX_FILE_BYTES + 1]),
            Err(PhotoError::TooLarge(31))
        ));
    }
}

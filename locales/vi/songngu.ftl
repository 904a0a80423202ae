### songngu: mọi thông báo người dùng đọc, bằng tiếng Việt.
###
### Tệp này phải có đúng các thông báo, thuộc tính và biến như locales/en-US/songngu.ftl
### (một unit test trong src/i18n.rs kiểm tra điều này). Văn bản ở dạng Unicode NFC.
### Quy ước: thông báo lỗi và cảnh báo viết thường, tên cờ, đường dẫn, giá trị đặt trong
### dấu backtick. Số truyền vào được định dạng theo tiếng Việt (1.234,5); số dòng và
### số cột được truyền dưới dạng chữ để `tệp:dòng:cột` vẫn mở được trong trình soạn thảo.

## Trợ giúp dòng lệnh. CLI tìm thông báo theo tên:
## `<lệnh>-about` cho một lệnh và `<lệnh>-arg-<đối số>` cho một đối số, với thuộc tính
## `.value-name` cho đối số nhận giá trị.

cli-about = Xuất bản mọi bài viết bằng tiếng Anh và tiếng Việt, và giữ cho hai bản luôn khớp nhau.
cli-usage-heading = Cách dùng
cli-commands-heading = Lệnh
cli-arguments-heading = Đối số
cli-options-heading = Tùy chọn
cli-options-placeholder = TÙY_CHỌN
cli-command-placeholder = LỆNH
cli-arg-help = In trợ giúp
cli-arg-version = In phiên bản
cli-arg-ui-lang = Ngôn ngữ của thông báo và trợ giúp: `en` hoặc `vi` (mặc định: lấy từ `SONGNGU_LANG`, `LC_ALL`, `LC_MESSAGES` hoặc `LANG`)
    .value-name = NGÔN_NGỮ

segment-about = Tách bài viết thành các câu (đơn vị dịch)
segment-arg-file = Bài viết cần đọc, dạng văn bản thuần hoặc Markdown; `-` để đọc từ đầu vào chuẩn
    .value-name = TỆP
segment-arg-lang = Ngôn ngữ của bài viết: `en` hoặc `vi` (mặc định: `vi` nếu tên tệp có `.vi.`, nếu không thì `en`)
    .value-name = NGÔN_NGỮ
segment-arg-format = Định dạng đầu ra: `text` (mỗi câu một dòng, một dòng trống giữa các đoạn) hoặc `json` (JSON Lines, mỗi câu một đối tượng) [mặc định: `text`]
    .value-name = ĐỊNH_DẠNG
segment-arg-srx = Tách câu theo các quy tắc trong tệp SRX 2.0 này thay cho quy tắc có sẵn
    .value-name = TỆP
segment-arg-paragraphs = Cách chia văn bản thuần thành đoạn: `lines` (mỗi dòng không trống là một đoạn) hoặc `blank` (các khối cách nhau bởi dòng trống, dành cho văn bản đã ngắt dòng cứng) [mặc định: `lines`]
    .value-name = KIỂU

## Kết quả của `segment`

# $units (số) và $paragraphs (số): số câu và số đoạn tìm thấy trong bài.
# Tiếng Việt chỉ có một dạng số nhiều.
segment-summary =
    { $units ->
       *[other] { $units } câu
    } trong { $paragraphs ->
       *[other] { $paragraphs } đoạn
    }

## Tiền tố của các dòng ghi ra đầu ra lỗi chuẩn

cli-error = songngu: lỗi: { $message }
cli-warning = songngu: cảnh báo: { $message }

## Đọc dữ liệu vào

# $path: tệp; $reason: lý do, ví dụ `io-permission-denied` hoặc thông báo của hệ thống.
error-read = không đọc được `{ $path }`: { $reason }
error-is-directory = `{ $path }` là một thư mục, không phải bài viết
error-stdin = không đọc được đầu vào chuẩn: { $reason }
error-write = không ghi được ra đầu ra chuẩn: { $reason }
# $line và $column (chữ) đếm từ 1; $offset (số) là vị trí byte, đếm từ 0.
error-invalid-utf8 = `{ $path }`:{ $line }:{ $column }: văn bản không phải UTF-8 hợp lệ (byte { $offset }); hãy lưu tệp ở dạng UTF-8
error-invalid-utf16 = `{ $path }`: văn bản không phải UTF-16 hợp lệ (byte { $offset })
error-binary = `{ $path }` có vẻ là tệp nhị phân, không phải bài viết (byte NUL ở vị trí { $offset })
io-not-found = tệp hoặc thư mục không tồn tại
io-permission-denied = không có quyền truy cập
io-is-directory = đây là một thư mục

## Tệp quy tắc SRX (`segment --srx`)

srx-error-read = không đọc được tệp SRX `{ $path }`: { $reason }
srx-error-malformed = `{ $path }`:{ $line }:{ $column }: tệp SRX không dùng được: { $message }
srx-error-no-rules = `{ $path }` không có quy tắc ngôn ngữ nào cho `{ $lang }`
# $rule: `LANGUAGERULENAME#N`; $message: lý do từ bộ tách câu, bằng tiếng Anh.
srx-problem = `{ $path }`:{ $line }:{ $column }: đã bỏ qua quy tắc `{ $rule }`: { $message }
srx-problems = không áp dụng được { $count } quy tắc trong `{ $path }`

## Lỗi khi gõ lệnh (do clap phát hiện)

clap-unknown-argument = không nhận ra đối số `{ $arg }`
clap-unknown-subcommand = không có lệnh `{ $name }`
clap-missing-subcommand = `{ $name }` cần có một lệnh đi kèm
# $commands: các lệnh hiện có, cách nhau bởi dấu phẩy.
clap-available-commands = các lệnh: { $commands }
# $args: các đối số còn thiếu, cách nhau bởi dấu phẩy.
clap-missing-argument = thiếu { $count } đối số bắt buộc: { $args }
clap-missing-value = `{ $arg }` cần một giá trị
clap-invalid-value = giá trị `{ $value }` không hợp lệ cho `{ $arg }`
clap-unexpected-value = giá trị thừa `{ $value }` cho `{ $arg }`
clap-argument-conflict = không thể dùng `{ $arg }` cùng với `{ $other }`
clap-argument-repeated = `{ $arg }` chỉ được dùng một lần
clap-possible-values = các giá trị hợp lệ: { $values }
clap-tip-similar = gợi ý: có phải ý bạn là `{ $suggestion }`?
clap-tip-escape = gợi ý: để truyền `{ $arg }` như một giá trị, hãy dùng `-- { $arg }`
clap-try-help = Để biết thêm chi tiết, hãy thử `{ $help }`.
# $detail: mô tả gốc của clap, bằng tiếng Anh, cho những trường hợp hiếm không có ở trên.
clap-other = dòng lệnh không hợp lệ: { $detail }

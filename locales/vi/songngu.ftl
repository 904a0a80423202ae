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

cli-about = Đăng mọi bài bằng cả tiếng Anh lẫn tiếng Việt và giữ cho hai bản luôn khớp nhau.
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
cli-arg-config = Đọc tệp dự án này thay vì tìm `songngu.toml` trong thư mục hiện tại và các thư mục cha
    .value-name = TỆP
cli-arg-no-config = Không dùng tệp dự án: chỉ dùng giá trị mặc định và dòng lệnh
cli-arg-source-lang = Ngôn ngữ nguồn của các bài, một mã ngôn ngữ tiếng Anh như `en-GB` (mặc định: của dự án, nếu không thì `en`)
    .value-name = NGÔN_NGỮ
cli-arg-target-lang = Ngôn ngữ bản dịch, một mã ngôn ngữ tiếng Việt như `vi-VN` (mặc định: của dự án, nếu không thì `vi`)
    .value-name = NGÔN_NGỮ
cli-arg-accepted = Tệp ghi các vấn đề đã chấp nhận (mặc định: của dự án, nếu không thì `accepted.toml`)
    .value-name = TỆP
cli-arg-kinds = Cách xử lý một loại vấn đề, thay cho thiết lập của dự án: `LOẠI=off`, `info`, `warning` hoặc `error` (lặp lại cho nhiều loại), ví dụ `--kind length=off`
    .value-name = LOẠI=MỨC

segment-about = Tách bài viết thành các câu, mỗi câu là một đơn vị
segment-arg-file = Bài viết cần đọc, dạng văn bản thuần hoặc Markdown; `-` để đọc từ đầu vào chuẩn
    .value-name = TỆP
segment-arg-lang = Ngôn ngữ của bài viết: `en` hoặc `vi` (mặc định: `vi` nếu tên tệp có `.vi.`, nếu không thì `en`)
    .value-name = NGÔN_NGỮ
segment-arg-format = Định dạng đầu ra: `text` (mỗi câu một dòng, một dòng trống giữa các đoạn) hoặc `json` (JSON Lines, mỗi câu một đối tượng) [mặc định: `text`]
    .value-name = ĐỊNH_DẠNG
segment-arg-srx = Tách câu theo các quy tắc trong tệp SRX 2.0 này thay cho quy tắc có sẵn
    .value-name = TỆP
segment-arg-paragraphs = Cách chia văn bản thuần thành đoạn: `lines` (mỗi dòng không trống là một đoạn) hoặc `blank` (các khối ngăn cách bằng dòng trống, dành cho văn bản đã ngắt dòng cứng) [mặc định: `lines`]
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
error-invalid-utf8 = `{ $path }`:{ $line }:{ $column }: văn bản không phải UTF-8 hợp lệ (byte { $offset }); hãy lưu tệp theo bảng mã UTF-8
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
clap-tip-escape = gợi ý: để truyền `{ $arg }` làm giá trị, hãy dùng `-- { $arg }`
clap-try-help = Để biết thêm chi tiết, hãy thử `{ $help }`.
# $detail: mô tả gốc của clap, bằng tiếng Anh, cho những trường hợp hiếm không có ở trên.
clap-other = dòng lệnh không hợp lệ: { $detail }

## Bộ nhớ dịch: `songngu tm ...`

tm-about = Làm việc với bộ nhớ dịch (tệp TMX)
tm-stats-about = Đếm đơn vị dịch, ngôn ngữ, thuộc tính và lỗi của một tệp TMX
tm-stats-arg-tm = Tệp TMX; nếu không chỉ định thì dùng lần lượt từng tệp bộ nhớ dịch của dự án
    .value-name = TM
tm-stats-arg-format = Định dạng đầu ra: `text` hoặc `json` (JSON Lines) [mặc định: `text`]
    .value-name = ĐỊNH_DẠNG
tm-validate-about = Kiểm tra một tệp TMX và liệt kê mọi lỗi (thoát với mã 1 nếu có lỗi)
tm-validate-arg-tm = Tệp TMX; nếu không chỉ định thì dùng lần lượt từng tệp bộ nhớ dịch của dự án
    .value-name = TM
tm-validate-arg-format = Định dạng đầu ra: `text` hoặc `json` (JSON Lines) [mặc định: `text`]
    .value-name = ĐỊNH_DẠNG
tm-convert-about = Đọc tệp TMX 1.1-1.4b bất kỳ và ghi lại thành TMX 1.4b, bảng mã UTF-8
tm-convert-arg-input = Tệp TMX cần đọc
    .value-name = VÀO
tm-convert-arg-output = Tệp TMX cần ghi; `-` để ghi ra đầu ra chuẩn
    .value-name = RA
tm-lookup-about = Tìm các kết quả khớp hoàn toàn và khớp mờ cho một câu
tm-lookup-arg-tm = Tệp TMX, rồi đến câu cần tra; nếu chỉ có một (và không có `--queries`) thì đó là câu cần tra, tra trong `--tm` hoặc bộ nhớ dịch của dự án
    .value-name = TM
tm-lookup-arg-text = Câu cần tra
    .value-name = CÂU
tm-lookup-arg-memories = Tệp bộ nhớ dịch cần đọc (dùng được nhiều lần); nếu không chỉ định thì dùng bộ nhớ của dự án
    .value-name = TM
tm-lookup-arg-queries = Tệp chứa các câu cần tra, mỗi dòng một câu; chỉ nạp bộ nhớ một lần cho tất cả
    .value-name = TỆP
tm-lookup-arg-min = Điểm tối thiểu để hiển thị, 0-100 [mặc định: 75]
    .value-name = ĐIỂM
tm-lookup-arg-limit = Số kết quả tối đa hiển thị cho mỗi câu [mặc định: 5]
    .value-name = N
tm-lookup-arg-format = Định dạng đầu ra: `text` hoặc `json` (JSON Lines, mỗi câu một dòng) [mặc định: `text`]
    .value-name = ĐỊNH_DẠNG
tm-lookup-arg-source-lang = Ngôn ngữ của câu nguồn [mặc định: `en`]
    .value-name = NGÔN_NGỮ
tm-lookup-arg-target-lang = Ngôn ngữ của bản dịch [mặc định: `vi`]
    .value-name = NGÔN_NGỮ
tm-concordance-about = Tìm một từ hoặc cụm từ trong câu nguồn hoặc bản dịch của bộ nhớ
tm-concordance-arg-tm = Tệp TMX, rồi đến cụm từ; nếu chỉ có một thì đó là cụm từ, tìm trong `--tm` hoặc bộ nhớ dịch của dự án
    .value-name = TM
tm-concordance-arg-phrase = Từ hoặc cụm từ cần tìm
    .value-name = CỤM_TỪ
tm-concordance-arg-memories = Tệp bộ nhớ dịch cần đọc (dùng được nhiều lần); nếu không chỉ định thì dùng bộ nhớ của dự án
    .value-name = TM
tm-concordance-arg-target = Tìm trong bản dịch thay vì câu nguồn
tm-concordance-arg-ignore-diacritics = Bỏ qua dấu (`Hung` tìm được `Hùng`)
tm-concordance-arg-case-sensitive = Phân biệt chữ hoa và chữ thường
tm-concordance-arg-limit = Số đơn vị dịch tối đa hiển thị [mặc định: 20]
    .value-name = N
tm-concordance-arg-format = Định dạng đầu ra: `text` hoặc `json` (JSON Lines) [mặc định: `text`]
    .value-name = ĐỊNH_DẠNG
tm-concordance-arg-source-lang = Ngôn ngữ của câu nguồn [mặc định: `en`]
    .value-name = NGÔN_NGỮ
tm-concordance-arg-target-lang = Ngôn ngữ của bản dịch [mặc định: `vi`]
    .value-name = NGÔN_NGỮ
tm-import-about = Gộp một tệp TMX từ công cụ khác vào bộ nhớ, kèm báo cáo
tm-import-arg-file = Tệp TMX cần nhập
    .value-name = TỆP
tm-import-arg-into = Bộ nhớ để gộp vào (tạo mới nếu chưa có); nếu không chỉ định thì dùng tệp bộ nhớ dịch đầu tiên của dự án
    .value-name = TM
tm-import-arg-dry-run = Chỉ báo cáo những gì sẽ xảy ra, không thay đổi gì
tm-import-arg-duplicates = Xử lý đơn vị dịch đã có trong bộ nhớ: `keep-newest` (giữ bản mới nhất) hoặc `keep-all` (giữ tất cả) [mặc định: `keep-newest`]
    .value-name = CÁCH
tm-import-arg-no-wait = Báo lỗi ngay nếu một tiến trình songngu khác đang ghi bộ nhớ, thay vì chờ
tm-import-arg-format = Định dạng đầu ra: `text` hoặc `json` [mặc định: `text`]
    .value-name = ĐỊNH_DẠNG
tm-import-arg-source-lang = Ngôn ngữ của câu nguồn [mặc định: `en`]
    .value-name = NGÔN_NGỮ
tm-import-arg-target-lang = Ngôn ngữ của bản dịch [mặc định: `vi`]
    .value-name = NGÔN_NGỮ
tm-export-about = Ghi bộ nhớ, hoặc các đơn vị dịch của một tài liệu, thành TMX 1.4b
tm-export-arg-tm = Bộ nhớ; nếu không chỉ định thì dùng bộ nhớ dịch của dự án (khi dự án chỉ có một tệp bộ nhớ)
    .value-name = TM
tm-export-arg-output = Tệp TMX cần ghi; `-` để ghi ra đầu ra chuẩn
    .value-name = RA
tm-export-arg-doc = Chỉ các đơn vị dịch của tài liệu này
    .value-name = MÃ
tm-export-arg-for-tool = Tạo tệp cho một công cụ dịch: `omegat` ghi định dạng Markdown trong câu thành các thẻ mà OmegaT tạo từ mã định dạng của tệp XLIFF (`xliff export --for omegat`), để đặt vào thư mục `tm/auto/` của dự án OmegaT
    .value-name = CÔNG_CỤ

## Kết quả của `tm`

tm-stats-summary = `{ $path }`: TMX { $version }, { $encoding }, { $tus } đơn vị dịch, { $tuvs } biến thể, { $notes } ghi chú, { $problems ->
        [0] không có lỗi
       *[other] { $problems } lỗi
    }
tm-stats-languages = ngôn ngữ: { $languages }
tm-stats-props = thuộc tính: { $props }
tm-problem-error = `{ $path }`:{ $line }:{ $column }: lỗi: { $message }
tm-problem-warning = `{ $path }`:{ $line }:{ $column }: cảnh báo: { $message }
# Vấn đề của tệp TMX, mỗi mã vấn đề một thông báo.
tmx-problem-tu-without-tuv = `<tu>` không có `<tuv>` nào; đã bỏ qua đơn vị dịch này
tmx-problem-tuv-without-lang = `<tuv>` thiếu `xml:lang` (hoặc `lang`); đã bỏ qua đơn vị dịch này
tmx-problem-tuv-without-seg = `<tuv>` không có `<seg>`; đã bỏ qua đơn vị dịch này
tmx-problem-tuv-two-segs = `<tuv>` có hơn một `<seg>`; đã bỏ qua đơn vị dịch này
tmx-problem-text-in-tu = có chữ nằm thẳng trong `<{ $parent }>`; đã bỏ qua đơn vị dịch này
tmx-problem-element-in-meta = { $place ->
        [header] `<{ $element }>` nằm trong một prop hoặc note; đã bỏ qua prop hoặc note đó
       *[tu] `<{ $element }>` nằm trong một prop hoặc note; đã bỏ qua đơn vị dịch này
    }
tmx-problem-misplaced-element = `<{ $element }>` không được nằm trong `<{ $parent }>`; đã bỏ qua đơn vị dịch này
tmx-problem-unknown-element = { $parent ->
        [header] `<{ $element }>` trong `<header>` không thuộc TMX; vẫn giữ nguyên
        [seg] `<{ $element }>` trong `<seg>` không thuộc TMX; vẫn giữ nguyên
       *[other] phần tử lạ `<{ $element }>` trong `<{ $parent }>`; đã bỏ qua đơn vị dịch này để không lặng lẽ làm mất dữ liệu
    }
tmx-problem-unexpected-element = `<{ $element }>` nằm sai chỗ trong `<{ $parent }>`; đã bỏ qua
tmx-problem-text-in-body = đã bỏ qua phần chữ trong `<{ $parent }>` nằm ngoài mọi `<tu>`
tmx-problem-text-in-header = đã bỏ qua phần chữ trong `<header>` nằm ngoài các phần tử con
tmx-problem-text-in-tmx = đã bỏ qua phần chữ trong `<tmx>` nằm ngoài `<header>` và `<body>`
tmx-problem-encoding-mismatch = { $evidence ->
        [bom] khai báo XML ghi `{ $declared }` nhưng dấu thứ tự byte (BOM) cho biết là { $encoding }; đọc theo { $encoding }
        [pattern] khai báo XML ghi `{ $declared }` nhưng mẫu byte cho biết là { $encoding }; đọc theo { $encoding }
       *[eight-bit] khai báo XML ghi `{ $declared }` nhưng các byte là 8 bit; đọc theo { $encoding }
    }
tmx-problem-latin1-as-windows-1252 = đọc `{ $declared }` theo windows-1252 (các byte từ 0x80 đến 0x9F thành `€`, `‚`... chứ không thành ký tự điều khiển C1)
tmx-problem-xml-version = phiên bản XML `{ $version }`; đọc theo quy tắc của XML 1.0
tmx-problem-missing-version = `<tmx>` không có `version`
tmx-problem-unknown-version = phiên bản TMX lạ `{ $version }`; đọc như TMX 1.4
tmx-problem-missing-header = không có `<header>` trước `<body>`
tmx-problem-missing-body = { $root ->
        [empty] `<tmx>` không có cả `<header>` lẫn `<body>`: không có đơn vị dịch nào
       *[open] `<tmx>` không có `<body>`: không có đơn vị dịch nào
    }
tmx-problem-body-attrs = không giữ các thuộc tính của `<body>` ({ $attributes }); các khai báo namespace trong đó chuyển lên `<tmx>`
tmx-problem-missing-header-attr = `<header>` thiếu thuộc tính bắt buộc { $attributes }
tmx-problem-bad-segtype = `segtype="{ $value }"` không phải block, paragraph, sentence hay phrase
tmx-problem-bad-lang = { $attribute ->
        [none] `{ $value }` không phải mã ngôn ngữ
       *[other] `{ $attribute }="{ $value }"` không phải mã ngôn ngữ
    }
tmx-problem-conflicting-lang = `xml:lang="{ $xml_lang }"` và `lang="{ $lang }"` không khớp nhau; dùng `xml:lang`
tmx-problem-bad-date = `{ $attribute }="{ $value }"` không phải ngày giờ theo dạng TMX (`YYYYMMDDThhmmssZ`); giữ nguyên như đã ghi
tmx-problem-bad-usagecount = `usagecount="{ $value }"` không phải là số
tmx-problem-prop-without-type = `<prop>` không có `type`; giữ nguyên cùng các thuộc tính
tmx-problem-missing-source-tuv = không có `<tuv>` nào bằng ngôn ngữ nguồn `{ $srclang }`
tmx-problem-misplaced-meta = `<prop>`/`<note>` nằm sau phần nội dung lẽ ra nó phải đứng trước; vẫn giữ
tmx-problem-seg-attrs = không giữ các thuộc tính của `<seg>` ({ $attributes }); các khai báo namespace trong đó chuyển lên `<tuv>`
tmx-problem-bad-i = `<{ $element }>` không có `i` dạng số
tmx-problem-duplicate-i = có hai `<{ $element }>` cùng `i="{ $i }"`
tmx-problem-ept-without-bpt = `<ept i="{ $i }">` không có `<bpt>` nào đứng trước
tmx-problem-unbalanced-bpt = `<bpt i="{ $i }">` không có `<ept>` đi kèm
tmx-problem-it-without-pos = `<it>` không có `pos="begin"` hay `pos="end"`
tmx-problem-bad-x = `<{ $element }>` có `x` không phải số
tmx-problem-duplicate-x = có hai `<{ $element }>` cùng `x="{ $x }"`
tmx-problem-misplaced-sub = `<sub>` nằm ngoài mã định dạng gốc (`bpt`, `ept`, `it`, `ph`, `ut`)
tmx-problem-misplaced-inline = `<{ $element }>` nằm thẳng trong mã định dạng gốc
tm-converted = đã ghi `{ $path }` ({ $tus } đơn vị dịch)
tm-exported = đã ghi `{ $path }` ({ $tus } đơn vị dịch)
tm-lookup-query = { $query } — { $count ->
        [0] không có kết quả
       *[other] { $count } kết quả
    }
tm-concordance-found = “{ $phrase }”: { $count ->
        [0] không tìm thấy
       *[other] { $count } đơn vị dịch
    }
tm-import-done = đã nhập `{ $path }` vào `{ $into }`: đọc { $tus }, thêm { $added }, { $duplicates } bản sao của đơn vị dịch đã có (gộp { $replaced } bản mới hơn vào đơn vị dịch đó; bỏ qua { $kept } bản không mới hơn hoặc không có gì thêm), { $unpaired } thiếu một trong hai ngôn ngữ, { $problems } lỗi
tm-import-dry-run = chạy thử, không ghi gì: nhập `{ $path }` vào `{ $into }` sẽ đọc { $tus }, thêm { $added }, gặp { $duplicates } bản sao của đơn vị dịch đã có (sẽ gộp { $replaced } bản mới hơn vào đơn vị dịch đó; bỏ qua { $kept } bản không mới hơn hoặc không có gì thêm), { $unpaired } thiếu một trong hai ngôn ngữ, { $problems } lỗi

## Lỗi của bộ nhớ dịch

error-tmx = `{ $path }`:{ $line }:{ $column }: tệp TMX không dùng được: { $message }
error-locked = một tiến trình songngu khác đang ghi `{ $path }` ({ $holder }); hãy thử lại khi tiến trình đó xong
error-locked-unknown = một tiến trình songngu khác đang ghi `{ $path }`; hãy thử lại khi tiến trình đó xong
error-changed-on-disk = một chương trình khác đã sửa `{ $path }` sau khi songngu đọc tệp này; chưa ghi gì, hãy chạy lại lệnh
error-damaged-tus = `{ $path }` có { $count } đơn vị dịch bị hỏng (liệt kê ở trên): lưu lại sẽ làm mất các đơn vị dịch này, nên chưa thay đổi gì; hãy sửa tệp trước (xem `songngu tm validate`)
error-unwritable = không ghi được `{ $path }`: các đơn vị dịch sau chứa ký tự mà XML không biểu diễn được: { $tus }
error-no-query = không có gì để tra: hãy nhập một câu hoặc dùng `--queries TỆP`
error-no-phrase = không có gì để tìm: hãy nhập một từ hoặc cụm từ
error-tm-no-memory-no-project = không có bộ nhớ dịch nào để đọc: hãy chỉ ra một tệp (`{ $how }`), hoặc chạy lệnh trong một dự án (`songngu init`) có khai báo bộ nhớ dịch
error-tm-no-memory-listed = không có bộ nhớ dịch nào để đọc: `{ $project }` không khai báo bộ nhớ nào; hãy chỉ ra một tệp bằng `{ $how }`, hoặc thêm `memory = ["tmx/news.tmx"]` vào tệp dự án
error-tm-no-memory-yet = không có bộ nhớ dịch nào để đọc: { $count } tệp bộ nhớ của dự án ({ $paths }) chưa tồn tại (bản dịch đầu tiên sẽ tạo tệp); hãy chỉ ra một tệp bằng `{ $how }`
error-tm-no-memory-to-write-no-project = chưa có bộ nhớ dịch nào để ghi vào: hãy chỉ ra một tệp (`{ $how }`), hoặc chạy lệnh trong một dự án (`songngu init`) có khai báo bộ nhớ dịch
error-tm-no-memory-to-write-listed = chưa có bộ nhớ dịch nào để ghi vào: `{ $project }` không khai báo bộ nhớ nào; hãy chỉ ra một tệp bằng `{ $how }`, hoặc thêm `memory = ["tmx/news.tmx"]` vào tệp dự án
error-tm-several-memories-given = đã chỉ ra { $count } tệp bộ nhớ dịch ({ $paths }): hãy chỉ rõ dùng tệp nào bằng `{ $how }`
error-tm-several-memories = `{ $project }` khai báo { $count } tệp bộ nhớ dịch ({ $paths }): hãy chỉ rõ dùng tệp nào bằng `{ $how }`

## Gióng câu: `songngu align`

align-about = Gióng câu bài tiếng Việt với bài tiếng Anh tương ứng
align-arg-en = Bài tiếng Anh (văn bản thuần hoặc Markdown)
    .value-name = EN
align-arg-vi = Bài tiếng Việt (văn bản thuần hoặc Markdown)
    .value-name = VI
align-arg-segmented = Đầu vào đã tách câu sẵn: mỗi dòng một câu, một dòng trống giữa các đoạn
align-arg-format = Định dạng đầu ra: `text` (đặt song song), `tsv` (`EN_INDICES<TAB>VI_INDICES` cho mỗi cặp) hoặc `json` (JSON Lines kèm câu và độ tin cậy) [mặc định: `text`]
    .value-name = ĐỊNH_DẠNG
align-arg-glossary = Bảng thuật ngữ song ngữ hỗ trợ: mỗi dòng `tiếng Anh<TAB>tiếng Việt`
    .value-name = TỆP
align-arg-into = Lưu các cặp câu thành đơn vị dịch trong bộ nhớ này (thuộc tài liệu `--doc`, nếu không có thì tài liệu mà dự án gán cho bài này)
    .value-name = TM
align-arg-tm = Bộ nhớ dịch có các bản dịch giúp công cụ gióng câu biết từ nào dịch thành từ nào (lặp lại để thêm tệp) [mặc định: bộ nhớ của `--into`, nếu không thì của dự án]
    .value-name = TM
align-arg-doc = Mã tài liệu mà các cặp câu lưu vào [mặc định: mã mà dự án gán cho bài này]
    .value-name = MÃ
align-arg-user = Người lưu các cặp câu [mặc định: người dịch của dự án, nếu không thì `SONGNGU_USER` hoặc người dùng hệ thống]
    .value-name = TÊN
align-summary = { $links } cặp, { $low ->
        [0] không cặp nào có độ tin cậy thấp
       *[other] { $low } cặp có độ tin cậy thấp (đánh dấu `?`)
    }
align-not-same-article = phần lớn các cặp có độ tin cậy thấp: có thể đây không phải cùng một bài viết
# $path: tệp không có câu nào (rỗng hoặc chỉ có dòng trống).
align-no-sentences = `{ $path }` không có câu nào: mọi câu ở bên kia đều không có câu tương ứng
# $en, $vi: hai tệp.
align-nothing-to-align = `{ $en }` và `{ $vi }` đều không có câu nào: không có gì để gióng câu
# $en, $vi: hai tệp; $en_sentences, $vi_sentences, $en_chars, $vi_chars (số): độ dài của
# chúng; $expected (số): số ký tự mà bản dịch tiếng Việt của bài tiếng Anh thường có.
align-lengths-differ = độ dài hai bên chênh lệch nhiều hơn hẳn mức thường thấy giữa bài gốc và bản dịch: `{ $en }` có { $en_sentences } câu ({ $en_chars } ký tự), `{ $vi }` có { $vi_sentences } câu ({ $vi_chars } ký tự, trong khi bản dịch thường có khoảng { $expected })
# $path: bảng thuật ngữ; $line (số): tính từ 1.
align-glossary-line = `{ $path }`:{ $line }: không phải một mục thuật ngữ: cần có dạng `tiếng Anh<TAB>tiếng Việt`
# $added, $updated, $removed (số): các TU của bài viết; $omitted (số): các câu tiếng Anh được ghi nhận là cố ý lược bỏ trong bản dịch.
align-stored = `{ $path }`: thêm { $added } cặp, cập nhật { $updated } cặp{ $removed ->
        [0] {""}
       *[other] , xoá { $removed } cặp
    }{ $omitted ->
        [0] {""}
       *[other] , ghi nhận { $omitted } câu mà bản dịch lược bỏ
    }{ $vi_only ->
        [0] {""}
       *[other] , ghi nhận { $vi_only } câu do biên tập viên bổ sung (chỉ có trong bản tiếng Việt)
    }

## ---------------------------------------------------------------------------------------
## Độ lệch do sửa bản gốc (src/drift/revision.rs): giải thích các vấn đề `stale`,
## `missing` và `orphaned`.
## ---------------------------------------------------------------------------------------

# $edit: `typo`, `number`, `date`, `name` hoặc `rewrite`.
drift-stale = câu tiếng Anh đã sửa sau khi dịch ({ $edit ->
        [typo] sửa chính tả, dấu câu
        [number] đổi số liệu
        [date] đổi ngày giờ
        [name] đổi tên riêng
        [rewrite] viết lại
       *[other] { $edit }
    })
drift-missing = chưa dịch
# $score: điểm (0-100) của câu khớp gần nhất trong bộ nhớ dịch.
drift-missing-suggestion = chưa dịch; bộ nhớ dịch có một câu khớp { $score }%
drift-orphaned = câu tiếng Anh của bản dịch này không còn trong bài viết
drift-omitted = bản dịch đã đăng cố ý lược bỏ câu tiếng Anh này
drift-needs-review = công cụ gióng câu chưa chắc cặp câu này: hãy đọc lại bản dịch rồi duyệt bằng `songngu review`
drift-added-orphaned = câu tiếng Anh đứng trước phần bổ sung này của biên tập viên không còn trong bài viết: phần bổ sung vẫn nằm trong bộ nhớ nhưng không đăng

## ---------------------------------------------------------------------------------------
## songngu check (src/cli/check.rs) và tệp dự án
## ---------------------------------------------------------------------------------------

check-about = Kiểm tra những chỗ bản tiếng Việt không còn khớp với bản tiếng Anh
check-arg-en = Bài tiếng Anh hiện tại (văn bản thuần hoặc Markdown)
    .value-name = EN
check-arg-tm = Tệp bộ nhớ dịch (lặp lại để thêm tệp) [mặc định: của dự án]
    .value-name = TM
check-arg-doc = Mã tài liệu của bài trong bộ nhớ dịch [mặc định: của dự án, nếu không thì tài liệu duy nhất trong bộ nhớ]
    .value-name = MÃ
check-arg-vi = Đối chiếu trực tiếp bài tiếng Việt này với bài tiếng Anh (gióng câu trước); nếu có bộ nhớ dịch (`--tm` hoặc của dự án), đối chiếu cả với các bản dịch trong đó
    .value-name = VI
check-arg-format = Định dạng đầu ra: `text` (báo cáo theo đoạn) hoặc `json` (JSON Lines, mỗi dòng một vấn đề) [mặc định: `text`]
    .value-name = ĐỊNH_DẠNG
check-arg-glossary = Bảng dịch tên riêng: mỗi dòng `tiếng Anh<TAB>tiếng Việt`
    .value-name = TỆP
check-arg-fail-on = Mức nghiêm trọng thấp nhất khiến bài không qua kiểm tra: `info`, `warning` hoặc `error` [mặc định: của dự án, nếu không thì `error`]
    .value-name = MỨC
check-arg-accept = Chấp nhận vấn đề mang mã này, để vấn đề đó không còn khiến bài không qua kiểm tra (lặp lại để thêm)
    .value-name = MÃ
check-arg-reason = Lý do chấp nhận các vấn đề
    .value-name = LÝ_DO
check-arg-user = Người chấp nhận [mặc định: người dịch của dự án, nếu không thì `SONGNGU_USER` hoặc người dùng hệ thống]
    .value-name = TÊN

# $n: the paragraph's number, from 1.
check-paragraph = đoạn { $n }
check-outside-article = không còn trong bài
# $by, $at: who accepted the finding and when.
check-accepted = { $by } đã chấp nhận lúc { $at }
check-accepted-reason = { $by } đã chấp nhận lúc { $at }, lý do: { $reason }
check-accepted-date = { $hour }:{ $minute }:{ $second } (UTC) ngày { $day }/{ $month }/{ $year }
check-label-old = cũ:
check-label-new = mới:
check-label-en = Anh:
check-label-vi = Việt:
# $score: 0-100.
check-label-suggestion = bộ nhớ ({ $score }%):
# Dòng ghi mã của một vấn đề, mã mà `check --accept MÃ` nhận.
check-label-id = mã:
# Dòng đầu của một vấn đề: $severity, $kind (các nhãn ở trên) và $explanation. Loại đặt
# trong ngoặc để mức và loại không đọc liền thành một cụm (`lỗi thiếu chưa dịch`).
check-finding-head = { $severity } ({ $kind }): { $explanation }
# $units, $current, $stale, $missing, $orphaned, $extra, $failing, $accepted: numbers;
# $kinds: "kind count, kind count" already localized.
check-summary = { $units } đơn vị: { $current } khớp, { $stale } cũ, { $missing } thiếu; { $orphaned } đã bỏ khỏi bài, { $extra } thừa; { $failing ->
        [0] qua kiểm tra
       *[other] { $failing } vấn đề khiến bài không qua kiểm tra
    }{ $accepted ->
        [0] {""}
       *[other] {" "}({ $accepted } đã chấp nhận)
    }{ $kinds ->
        [none] {""}
       *[other] {" "}— { $kinds }
    }{ $others ->
        [none] {""}
       *[other] ; không ảnh hưởng kết quả: { $others }
    }{ $added ->
        [0] {""}
       *[other] ; bản tiếng Việt còn có { $added } câu do biên tập viên bổ sung, giữ nguyên khi đăng
    }
drift-extra = câu tiếng Việt này không có câu tiếng Anh tương ứng
# $confidence: the link's confidence, `0.56`; $en, $vi: how many sentences each side joins.
drift-alignment = việc gióng các câu này chưa chắc chắn (độ tin cậy { $confidence }): có thể ở đây có câu bị sót, có câu được thêm vào, hoặc các câu bị gióng nhầm
drift-alignment-merge = việc gộp { $en } câu tiếng Anh với { $vi } câu tiếng Việt này chưa chắc chắn (độ tin cậy { $confidence }): có thể ở đây có câu bị sót hoặc được thêm vào, chứ không phải hai bên gộp câu

severity-error = lỗi
severity-warning = cảnh báo
severity-info = thông tin
kind-stale = bản dịch cũ
kind-missing = thiếu
kind-orphaned = đã bỏ khỏi bài
kind-extra = thừa
kind-needs-review = cần duyệt
kind-omitted = lược bỏ
kind-number = số liệu
kind-date = ngày tháng
kind-time = giờ
kind-name = tên riêng
kind-url = liên kết
kind-same-as-source = còn nguyên tiếng Anh
kind-normalization = chuẩn hoá
kind-punctuation = dấu câu
kind-inconsistent = không nhất quán
kind-length = độ dài
kind-tag = định dạng
kind-alignment = gióng câu

# $docs: the document ids in the memory, comma-separated.
# $doc: the id given; $docs: the document ids in the memory, comma-separated.
error-unknown-doc = bộ nhớ không có tài liệu `{ $doc }`, và dự án không có bài nào mang mã đó (bộ nhớ đang có: { $docs })
error-which-doc = hãy cho biết bài này thuộc tài liệu nào bằng `--doc MÃ` (bộ nhớ đang có: { $docs })
error-check-needs-tm = không có gì để đối chiếu: hãy dùng `--tm TM` (hoặc một dự án có bộ nhớ dịch) hoặc `--vi VI`
# $id: a finding id.
error-no-finding = báo cáo này không có vấn đề `{ $id }`

## ---------------------------------------------------------------------------------------
## songngu init, update, translate (src/cli/init.rs, update.rs, translate.rs)
## ---------------------------------------------------------------------------------------

init-about = Tạo tệp dự án `songngu.toml` trong thư mục hiện tại
init-arg-translator = Mã người dịch, ghi kèm các đơn vị người đó dịch [mặc định: `SONGNGU_USER`, nếu không thì người dùng hệ thống]
    .value-name = TÊN
init-arg-tm = Một tệp bộ nhớ dịch (lặp lại để thêm tệp) [mặc định: `tmx/memory.tmx`]
    .value-name = TM
init-arg-article = Một bài của dự án, dạng `MÃ_TÀI_LIỆU=ĐƯỜNG_DẪN` (lặp lại để thêm)
    .value-name = MÃ=ĐƯỜNG_DẪN
init-arg-fail-on = Mức nghiêm trọng thấp nhất khiến bài không qua kiểm tra: `info`, `warning` hoặc `error` [mặc định: `error`]
    .value-name = MỨC
init-arg-glossary = Bảng dịch tên riêng của dự án: mỗi dòng `tiếng Anh<TAB>tiếng Việt`
    .value-name = TỆP
init-arg-force = Ghi đè tệp `songngu.toml` đã có
# $path: the file written.
init-written = đã ghi `{ $path }`
error-init-exists = đã có `{ $path }`; dùng `--force` để ghi đè
# $value: what was given.
error-init-article = `{ $value }` không có dạng `MÃ_TÀI_LIỆU=ĐƯỜNG_DẪN`
# $path, $reason
error-write-file = không ghi được `{ $path }`: { $reason }

update-about = Cập nhật bộ nhớ dịch theo bài tiếng Anh đã sửa và liệt kê những phần cần dịch
update-arg-en = Bài tiếng Anh đã sửa
    .value-name = EN
update-arg-doc = Mã tài liệu của bài [mặc định: của dự án, nếu không thì tài liệu duy nhất trong bộ nhớ]
    .value-name = MÃ
update-arg-tm = Tệp bộ nhớ dịch cần cập nhật [mặc định: tệp đầu tiên của dự án]
    .value-name = TM
update-arg-user = Chỉ được ghi là người sửa ở các đơn vị dịch sẵn (`--pretranslate`): việc dời chỗ một đơn vị không làm thay đổi bản dịch của ai
    .value-name = TÊN
update-arg-pretranslate = Điền sẵn bản dịch cho các đơn vị chưa dịch, lấy từ câu trùng khớp hoàn toàn trong bộ nhớ hoặc câu lặp lại trong bài, lưu ở trạng thái `needs-review` để người dịch xác nhận (mặc định)
update-arg-no-pretranslate = Không dịch sẵn: đơn vị chưa dịch vẫn để thiếu (nếu có cả hai cờ thì cờ sau cùng có hiệu lực)
update-pretranslated-exact = đã dịch sẵn từ { $from } (cần duyệt)
update-pretranslated-repetition = đã dịch sẵn, lặp lại { $from } (cần duyệt)
update-needs-missing-conflict = thiếu (bộ nhớ có nhiều bản dịch khác nhau)
update-pretranslated-summary = { $pretranslated ->
    [0] Không dịch sẵn được đơn vị nào: bộ nhớ không có bản dịch thống nhất cho các câu tiếng Anh còn thiếu bản dịch
   *[other] Đã dịch sẵn { $pretranslated } đơn vị từ bộ nhớ, lưu ở trạng thái `needs-review` chờ người dịch xác nhận
  }
update-pretranslation-conflicts = { $conflicts } đơn vị vẫn thiếu bản dịch vì trong bộ nhớ, câu tiếng Anh tương ứng có nhiều cách dịch khác nhau
update-arg-json = In các số đếm dưới dạng một đối tượng JSON
update-needs-stale = bản dịch cũ
update-needs-missing = thiếu
# $doc: the document id; $docs: the ids already in the memory, comma-separated.
update-new-doc = `{ $doc }` là tài liệu mới trong bộ nhớ này: không có bản dịch nào để giữ lại (bộ nhớ đang có: { $docs })
# $path; $carried, $moved, $stale, $missing, $orphaned: numbers.
update-summary = `{ $path }`: giữ lại { $carried } bản dịch ({ $moved } đã đổi chỗ), { $stale } cũ, { $missing } thiếu, { $orphaned } đã bỏ khỏi bài (vẫn giữ trong bộ nhớ)
update-retired = Đã cho { $retired } bản dịch cũ ngừng dùng: vẫn lưu trong bộ nhớ và vẫn dùng làm gợi ý khớp mờ, nhưng `check` và `export` không liệt kê nữa (xem lại bằng `--show-obsolete`)
# Before the English of an old translation `update`, `translate` or `xliff import` retired now.
retired-unit = đã ngừng dùng

translate-about = Lưu bản tiếng Việt của một đơn vị trong bài
translate-arg-en = Bài tiếng Anh
    .value-name = EN
translate-arg-doc = Mã tài liệu của bài [mặc định: của dự án, nếu không thì tài liệu duy nhất trong bộ nhớ]
    .value-name = MÃ
translate-arg-unit = Mã đơn vị
    .value-name = ĐƠN_VỊ
translate-arg-vi = Câu tiếng Việt
    .value-name = CÂU
translate-arg-status = `translated` (đã dịch) hoặc `reviewed` (đã duyệt) [mặc định: `translated`]
    .value-name = TRẠNG_THÁI
translate-arg-tm = Tệp bộ nhớ dịch [mặc định: tệp đầu tiên của dự án]
    .value-name = TM
translate-arg-user = Người dịch [mặc định: người dịch của dự án, nếu không thì `SONGNGU_USER` hoặc người dùng hệ thống]
    .value-name = TÊN
translate-arg-expect-version = Chỉ lưu khi bộ nhớ dịch vẫn giữ đúng phiên bản này của đơn vị (trường `version` của `check --format json`); nếu không thì không ghi gì và mã thoát là 2
    .value-name = PHIÊN_BẢN
# $unit: a unit id.
translate-added = đơn vị { $unit }: đã thêm bản dịch
translate-replaced = đơn vị { $unit }: đã thay bản dịch
translate-unchanged = đơn vị { $unit }: đã lưu từ trước, không thay đổi gì

review-about = Duyệt các bản dịch đã có người đọc lại: trạng thái chuyển thành `reviewed` (đã duyệt), câu chữ giữ nguyên
review-arg-en = Bài tiếng Anh
    .value-name = EN
review-arg-doc = Mã tài liệu của bài [mặc định: của dự án, nếu không thì tài liệu duy nhất trong bộ nhớ]
    .value-name = MÃ
review-arg-unit = Đơn vị cần duyệt (lặp lại để duyệt nhiều đơn vị); xem `songngu check`
    .value-name = ĐƠN_VỊ
review-arg-all-needs-review = Duyệt mọi bản dịch hiện hành mang dấu `needs-review` (kết quả gióng câu chưa chắc chắn)
review-arg-tm = Tệp bộ nhớ dịch [mặc định: tệp đầu tiên của dự án]
    .value-name = TM
review-arg-user = Người duyệt [mặc định: người dịch của dự án, nếu không thì `SONGNGU_USER` hoặc người dùng hệ thống]
    .value-name = TÊN
review-arg-force-readonly = Ghi bộ nhớ kể cả khi tệp chỉ cho phép đọc (tệp vẫn giữ chế độ chỉ đọc)
review-approved = đơn vị { $unit }: đã duyệt
review-already = đơn vị { $unit }: đã duyệt từ trước, không thay đổi gì
review-summary = Đã duyệt { $approved } bản dịch{ $already ->
        [0] {""}
       *[other] , { $already } bản dịch đã duyệt từ trước
    }
error-not-reviewable = đơn vị `{ $unit }` không có bản dịch hiện hành để duyệt ({ $status ->
        [stale] câu tiếng Anh đã sửa sau khi dịch: cần dịch lại trước
        [omitted] bản dịch đã đăng lược bỏ câu này
       *[other] câu này chưa dịch
    })
error-no-unit = bài không có đơn vị `{ $unit }` (xem `songngu segment`)
error-empty-translation = câu tiếng Việt đang trống
error-unit-changed = đơn vị `{ $unit }` đã có người sửa sau khi bạn mở bản { $expected }: bộ nhớ dịch hiện giữ “{ $vi }” ({ $change }); chưa ghi gì cả. Hãy mở lại đơn vị này (`songngu check --format json`) rồi sửa lại
error-unit-changed-by = { $by } sửa lúc { $at }
error-unit-changed-at = sửa lúc { $at }
error-unit-changed-undated = không ghi ngày sửa
error-unit-changed-gone = đơn vị `{ $unit }` đã có người sửa sau khi bạn mở bản { $expected }: bộ nhớ dịch nay không còn bản dịch nào của đơn vị này; chưa ghi gì cả
error-release-refused = từ chối xuất: bài chưa đạt vì còn { $failing } vấn đề; hãy sửa, hoặc chấp nhận kèm lý do

## ---------------------------------------------------------------------------------------
## songngu xliff, songngu export (src/cli/xliff.rs, export.rs)
## ---------------------------------------------------------------------------------------

xliff-about = Tệp XLIFF cho các công cụ dịch (OmegaT, Trados, memoQ)
xliff-export-about = Ghi ra tệp XLIFF các đơn vị của một bài còn cần dịch hoặc cần duyệt
xliff-export-arg-en = Bài tiếng Anh hiện tại
    .value-name = EN
xliff-export-arg-doc = Mã tài liệu của bài [mặc định: của dự án, nếu không thì tài liệu duy nhất trong bộ nhớ]
    .value-name = MÃ
xliff-export-arg-tm = Tệp bộ nhớ dịch (lặp lại để thêm tệp) [mặc định: của dự án]
    .value-name = TM
xliff-export-arg-output = Tệp XLIFF cần ghi; `-` là ghi ra đầu ra chuẩn
    .value-name = ĐƯỜNG_DẪN
xliff-export-arg-xliff-version = Phiên bản XLIFF: `2.0` hoặc `1.2` [mặc định: `2.0`]
    .value-name = PHIÊN_BẢN
xliff-export-arg-all = Mọi đơn vị, kể cả đơn vị không còn cần dịch hay duyệt
xliff-export-arg-no-context = Không kèm ghi chú ngữ cảnh (câu trước, câu sau và tiêu đề của đoạn) cho mỗi đơn vị
xliff-export-arg-for-tool = Tạo tệp cho một công cụ dịch: `omegat` ghi XLIFF 1.2, mọi đơn vị đều có bản đích (bản dịch của đơn vị, nếu chưa có thì chép câu tiếng Anh)
    .value-name = CÔNG_CỤ
xliff-export-arg-omegat-tm = Dùng cùng `--for omegat`: ghi thêm bộ nhớ dịch vào tệp này, để đặt vào thư mục `tm/auto/` của dự án OmegaT (như `tm export --for omegat`)
    .value-name = ĐƯỜNG_DẪN
xliff-import-about = Lưu bản dịch trong tệp XLIFF vào bộ nhớ dịch
xliff-import-arg-file = Tệp XLIFF đã dịch
    .value-name = TỆP
xliff-import-arg-en = Bài tiếng Anh hiện tại [mặc định: bài của dự án ứng với tài liệu trong tệp]
    .value-name = EN
xliff-import-arg-tm = Tệp bộ nhớ dịch cần ghi [mặc định: tệp đầu tiên của dự án]
    .value-name = TM
xliff-import-arg-user = Người dịch [mặc định: người dịch của dự án, nếu không thì `SONGNGU_USER` hoặc người dùng hệ thống]
    .value-name = TÊN
# $path; $units: a number.
xliff-exported = `{ $path }`: { $all ->
        [yes] { $units } đơn vị cần dịch
       *[no] { $units } đơn vị, { $work ->
            [0] không đơn vị nào cần dịch
           *[other] { $work } đơn vị cần dịch
        }
    }
# The labels of a work file's context notes (in the translator's language).
xliff-context-previous = Câu trước
xliff-context-next = Câu sau
xliff-context-heading = Tiêu đề
# $en: the English article; $path: the XLIFF file that was not written.
xliff-omegat-tm-written = `{ $path }`: bộ nhớ dịch cho OmegaT ({ $tus } đơn vị dịch), để đặt vào thư mục `tm/auto/` của dự án OmegaT
xliff-nothing-to-do = trong `{ $en }` không có gì cần dịch hay duyệt; không ghi `{ $path }`
# $unit: a unit id.
xliff-refused-gone = đơn vị { $unit }: không còn trong bài tiếng Anh hiện tại; không nhập
# $unit: a unit id; $missing: the Markdown of the source's inline codes (tags) the target lost, quoted, comma-separated; $unexpected: those the target has instead; $altered: "true" when there are such.
xliff-refused-codes = đơn vị { $unit }: bản dịch làm mất hoặc sửa thẻ của câu tiếng Anh ({ $missing }{ $altered ->
        [true] ; thay vào đó là: { $unexpected }
       *[other] {""}
    }); hãy đặt lại các thẻ như ở câu gốc (được phép dời chỗ, không được bỏ hay sửa); không nhập
# $unit: a unit id; $was: the English the unit was exported with; $now: the English at its place now.
xliff-refused-changed = đơn vị { $unit }: câu tiếng Anh đã đổi từ khi xuất tệp: trước là “{ $was }”, nay là “{ $now }”; không nhập
# $count (number); $units: unit ids, comma-separated.
xliff-not-translated = { $count } đơn vị chưa dịch (vẫn như lúc xuất, trạng thái `initial`): { $units }
# $count (number); $units: unit ids, comma-separated.
xliff-stored-initial = đã lưu { $count } đơn vị dù tệp vẫn đánh dấu `initial` (người dịch đã sửa câu tiếng Việt): { $units }
xliff-imported = `{ $path }`: đã lưu { $stored } bản dịch, { $unchanged } không đổi, { $untranslated } chưa dịch, { $refused } bị từ chối
error-xliff-write = không ghi được XLIFF: { $message }
error-align-spill = không giữ được các câu trong tệp tạm để gióng câu: { $message }
# $doc: a document id.
error-xliff-which-article = tài liệu `{ $doc }` là bài nào? hãy chỉ rõ bằng `--en EN` hoặc khai báo bài trong `songngu.toml`

## issue 11, provenance and state: align --into, xliff import, tm export, document ids
## (src/cli/align.rs, xliff.rs, tm.rs, check.rs)

# $option: the option that took it (`--doc`).
error-empty-doc = `{ $option }` cần một mã tài liệu; không nhận mã rỗng hoặc chỉ có khoảng trắng
# $en: the English article; $project: the project file, or nothing.
error-align-which-doc = các cặp câu này thuộc tài liệu nào? hãy chỉ rõ bằng `--doc MÃ`, hoặc khai báo `{ $en }` là một `[[article]]` trong { $project ->
        [none] tệp dự án `songngu.toml`
       *[other] `{ $project }`
    }
# $file: the XLIFF file.
error-xliff-empty-doc = `{ $file }` không ghi tài liệu nào (thuộc tính `original` rỗng); không nhập gì
# $file: the XLIFF file; $doc: the document id it names; $docs: the memory's documents, comma-separated.
error-xliff-unknown-doc = `{ $file }` thuộc tài liệu `{ $doc }`, nhưng cả bộ nhớ lẫn dự án đều không có tài liệu này; không nhập gì (nếu là bài mới, hãy khai báo bài trong `songngu.toml` trước; bộ nhớ đang có: { $docs })
# $file: the XLIFF file; $found: its language tag; $expected: the project's.
error-xliff-source-lang = `{ $file }` dịch từ `{ $found }`, nhưng tiếng Anh của dự án là `{ $expected }`; không nhập gì
# $file: the XLIFF file; $found: its language tag; $expected: the project's.
error-xliff-target-lang = `{ $file }` dịch sang `{ $found }`, nhưng tiếng Việt của dự án là `{ $expected }`; không nhập gì
# $unit: the file's unit id; $en: its English; $other: the id of the article's unit with that English.
xliff-refused-unknown-id = đơn vị { $unit }: không có trong bài hiện tại (không đơn vị nào mang mã này; câu tiếng Anh “{ $en }” của nó là đơn vị { $other }); không nhập
# $path: the memory; $doc: the document id asked for; $count: how many documents it has; $docs: some of them, comma-separated.
error-tm-export-unknown-doc = `{ $path }` không có tài liệu `{ $doc }`; không ghi gì ({ $count ->
        [0] bộ nhớ không có tài liệu nào
       *[other] bộ nhớ có { $count } tài liệu: { $docs }
    })
# $count: how many more documents are not listed.
tm-export-more-docs = và { $count } tài liệu khác

status-about = Xem tình trạng từng bài: số đơn vị theo trạng thái (hiện hành, bản dịch cũ, thiếu, cần duyệt, đã duyệt), số đơn vị đã bỏ khỏi bài, số bản dịch cũ đã ngừng dùng, lần sửa gần nhất và người sửa
status-arg-articles = Các bài tiếng Anh [mặc định: mọi `[[article]]` của dự án]
    .value-name = BÀI
status-arg-tm = Tệp bộ nhớ dịch (lặp lại để thêm tệp) [mặc định: của dự án]
    .value-name = TM
status-arg-format = Định dạng đầu ra: `text` hoặc `json` (JSON Lines: mỗi bài một dòng, cuối cùng là dòng tổng) [mặc định: `text`]
    .value-name = ĐỊNH_DẠNG
status-article = `{ $path }` ({ $doc }): { $counts }
status-total = tổng cộng { $articles } bài: { $counts }
status-counts = { $units } đơn vị: { $current } hiện hành ({ $translated } đã dịch, { $review } cần duyệt, { $reviewed } đã duyệt), { $stale } bản dịch cũ, { $missing } thiếu, { $omitted } cố ý lược bỏ; { $retired } đã ngừng dùng, { $orphaned } đã bỏ khỏi bài
status-last-change = sửa lần cuối lúc { $at }, người sửa: { $by }
status-last-change-anonymous = sửa lần cuối lúc { $at }
status-no-change = chưa có lần sửa nào ghi ngày
status-date = { $hour }:{ $minute } (UTC) ngày { $day }/{ $month }/{ $year }
error-no-articles = chưa có bài nào: hãy nêu tên một bài, hoặc liệt kê các bài bằng `[[article]]` trong tệp dự án
export-about = Xuất bộ tệp song ngữ của một bài để đăng (không xuất được khi còn sai lệch)
export-arg-en = Bài tiếng Anh hiện tại
    .value-name = EN
export-arg-doc = Mã tài liệu của bài [mặc định: của dự án, nếu không thì tài liệu duy nhất trong bộ nhớ]
    .value-name = MÃ
export-arg-to = Định dạng cần ghi: `vi`, `bilingual-html`, `bilingual-md`, `tmx`, `xliff` hoặc `release` (tất cả trong một thư mục, kèm `manifest.json`)
    .value-name = ĐỊNH_DẠNG
export-arg-output = Tệp cần ghi (thư mục nếu là `release`); `-` là ghi ra đầu ra chuẩn
    .value-name = ĐƯỜNG_DẪN
export-arg-allow-drift = Vẫn xuất dù kiểm tra thấy sai lệch; manifest ghi lại điều này
export-arg-tm = Tệp bộ nhớ dịch (lặp lại để thêm tệp) [mặc định: của dự án]
    .value-name = TM
export-arg-glossary = Bảng thuật ngữ các tên cần dịch: mỗi dòng `tiếng Anh<TAB>tiếng Việt`
    .value-name = TỆP
export-arg-fail-on = Mức nghiêm trọng thấp nhất đủ để dừng việc xuất: `info`, `warning` hoặc `error` [mặc định: của dự án, nếu không thì `error`]
    .value-name = MỨC
export-arg-xliff-version = Phiên bản XLIFF của đầu ra `xliff`: `2.0` hoặc `1.2` [mặc định: `2.0`]
    .value-name = PHIÊN_BẢN
export-arg-user = Người xuất [mặc định: người dịch của dự án, nếu không thì `SONGNGU_USER` hoặc người dùng hệ thống]
    .value-name = TÊN
export-refused = từ chối xuất: các vấn đề ở trên khiến bài không qua kiểm tra; hãy sửa, chấp nhận bằng `songngu check --accept` hoặc xuất với `--allow-drift`
# $path
export-written = đã ghi `{ $path }`
export-with-drift = đã xuất khi còn sai lệch (`--allow-drift`): đã đánh dấu các đơn vị có vấn đề và manifest ghi lại điều này
# $message
error-export = không xuất được: { $message }
export-wording-en = Tiếng Anh
export-wording-vi = Tiếng Việt
export-wording-legend = Chú thích
export-wording-stale = câu tiếng Anh đã đổi từ khi dịch: bản tiếng Việt đã cũ
export-wording-missing = chưa dịch: tạm giữ câu tiếng Anh
export-wording-finding = kiểm tra thấy chỗ khác nhau giữa bản tiếng Anh và bản tiếng Việt
export-wording-accepted = biên tập viên đã chấp nhận vấn đề này

## Kiểm tra đối chiếu hai ngôn ngữ (`src/drift/checks`): vì sao một đơn vị tiếng Việt không khớp với câu tiếng Anh của nó.

check-number-missing = bản tiếng Việt thiếu số `{ $number }`
check-number-extra = bản tiếng Việt có số `{ $number }` mà bản tiếng Anh không có
check-number-differs = số không khớp: bản tiếng Anh ghi `{ $en }`, bản tiếng Việt ghi `{ $vi }`
# $currency: currency codes (`USD`), comma-separated.
check-number-currency-missing = bản tiếng Anh ghi số tiền bằng `{ $currency }`, nhưng bản tiếng Việt không ghi đơn vị tiền tệ
# $en, $vi: currency codes, comma-separated.
check-number-currency-differs = đơn vị tiền tệ không khớp: bản tiếng Anh ghi `{ $en }`, bản tiếng Việt ghi `{ $vi }`
check-date-missing = bản tiếng Việt thiếu ngày `{ $date }`
check-date-extra = bản tiếng Việt có ngày `{ $date }` mà bản tiếng Anh không có
check-date-differs = ngày không khớp: bản tiếng Anh ghi `{ $en }`, bản tiếng Việt ghi `{ $vi }`
check-time-missing = bản tiếng Việt thiếu giờ `{ $time }`
check-time-extra = bản tiếng Việt có giờ `{ $time }` mà bản tiếng Anh không có
check-time-differs = giờ không khớp: bản tiếng Anh ghi `{ $en }`, bản tiếng Việt ghi `{ $vi }`
check-name-missing = bản tiếng Việt thiếu tên `{ $name }`
check-name-glossary = theo bảng thuật ngữ, `{ $term }` dịch là `{ $translation }`, nhưng bản tiếng Việt không dùng cách dịch này
check-name-world-missing = `{ $name }` trong tiếng Việt là `{ $expected }`, nhưng bản tiếng Việt không nhắc đến tên này
check-name-world-differs = `{ $en }` trong tiếng Việt là `{ $expected }`, nhưng bản tiếng Việt lại ghi `{ $vi }` ({ $meaning })
check-name-world-extra = bản tiếng Việt nhắc đến `{ $name }` ({ $meaning }) mà bản tiếng Anh không nhắc đến
check-url-missing = bản tiếng Việt thiếu địa chỉ `{ $url }`
check-url-extra = bản tiếng Việt có địa chỉ `{ $url }` mà bản tiếng Anh không có
check-url-differs = địa chỉ không khớp: bản tiếng Anh ghi `{ $en }`, bản tiếng Việt ghi `{ $vi }`
check-same-as-source = bản tiếng Việt còn nguyên tiếng Anh, chưa dịch
check-same-as-source-partial = { $share }% số từ của bản tiếng Việt là từ tiếng Anh chép lại từ bản gốc: đơn vị này có vẻ mới dịch một phần
check-normalization-nfc = bản tiếng Việt chưa ở dạng Unicode NFC (một số dấu là ký tự tách rời); hãy đưa văn bản về dạng NFC
check-normalization-tone-mix = đơn vị này đặt dấu thanh như `{ $words }`, còn các phần khác của bài đặt như `{ $preferred }`
check-punctuation-question = bản tiếng Anh là câu hỏi nhưng bản tiếng Việt không có dấu `?`
check-punctuation-exclamation = bản tiếng Anh có dấu `!` nhưng bản tiếng Việt không có
check-punctuation-unbalanced = dấu `{ $marks }` trong bản tiếng Việt không khớp cặp (mở và đóng không đều nhau)
check-punctuation-double-space = bản tiếng Việt có hai dấu cách liền nhau
check-punctuation-final-stop = câu tiếng Anh kết thúc bằng dấu chấm, bản tiếng Việt thiếu dấu chấm cuối câu
check-inconsistent-target = cùng câu tiếng Anh này có bản dịch khác ở đơn vị `{ $unit }`: “{ $other }”
check-inconsistent-source = câu tiếng Việt này cũng là bản dịch của một câu tiếng Anh khác ở đơn vị `{ $unit }`: “{ $other }”
check-inconsistent-memory-target = bộ nhớ dịch có cách dịch khác cho câu tiếng Anh này (số cách dịch khác: { $count }), ví dụ: “{ $other }”
check-inconsistent-memory-source = bộ nhớ dịch dùng bản dịch này cho một câu tiếng Anh khác (số câu khác: { $count }), ví dụ: “{ $other }”
check-length-short = bản tiếng Việt ngắn hơn nhiều so với câu tiếng Anh: { $vi } ký tự cho { $en } ký tự tiếng Anh (dự kiến khoảng { $expected })
check-length-long = bản tiếng Việt dài hơn nhiều so với câu tiếng Anh: { $vi } ký tự cho { $en } ký tự tiếng Anh (dự kiến khoảng { $expected })
check-tag-link-missing = bản tiếng Việt thiếu liên kết tới `{ $target }`
check-tag-link-extra = bản tiếng Việt có liên kết tới `{ $target }` mà bản tiếng Anh không có
check-tag-link-differs = đích liên kết không khớp: bản tiếng Anh trỏ tới `{ $en }`, bản tiếng Việt trỏ tới `{ $vi }`
check-tag-code-missing = bản tiếng Việt thiếu đoạn mã `{ $code }` (mã giữ nguyên như khi viết, không dịch)
check-tag-code-extra = bản tiếng Việt có đoạn mã `{ $code }` mà bản tiếng Anh không có
check-tag-emphasis = số dấu nhấn mạnh `{ $markup }` không khớp: bản tiếng Anh có { $en }, bản tiếng Việt có { $vi }
check-tag-html-missing = bản tiếng Việt thiếu thẻ HTML `{ $tag }`
check-tag-html-extra = bản tiếng Việt có thẻ HTML `{ $tag }` mà bản tiếng Anh không có

## Giới hạn kích thước và bộ nhớ dịch bị hỏng (issue 11: limits)

cli-arg-max-input-mb = Giới hạn kích thước (MiB) khi đọc bài viết, tệp XLIFF, bảng thuật ngữ hoặc tệp câu tra (mặc định: `SONGNGU_MAX_INPUT_MB`, nếu không thì 64)
    .value-name = MB
# $value: giá trị của biến; $max (số): giá trị lớn nhất được phép.
error-max-input-env = `SONGNGU_MAX_INPUT_MB` đang là `{ $value }`: cần một số nguyên MiB từ 1 đến { $max }
# $limit: giới hạn dạng chữ (`64 MiB`); $what: một trong các mục input-kind-* bên dưới.
error-too-large = `{ $path }` vượt quá giới hạn { $limit } dành cho { $what }
error-too-large-raise = `{ $path }` vượt quá giới hạn { $limit } dành cho { $what }; có thể nâng giới hạn bằng `--max-input-mb` hoặc `SONGNGU_MAX_INPUT_MB`
error-too-large-stdin = đầu vào chuẩn vượt quá giới hạn { $limit } dành cho { $what }; có thể nâng giới hạn bằng `--max-input-mb` hoặc `SONGNGU_MAX_INPUT_MB`
input-kind-article = bài viết
input-kind-xliff = tệp XLIFF
input-kind-glossary = bảng thuật ngữ
input-kind-queries = tệp câu tra
input-kind-srx = tệp SRX
input-kind-project = tệp dự án
input-kind-accepted = tệp các vấn đề đã chấp nhận
# `export` và `xliff export` khi bộ nhớ dịch có TU bị hỏng.
error-damaged-output = `{ $path }` có { $count } đơn vị dịch bị hỏng (liệt kê ở trên): đầu ra sẽ thiếu các đơn vị tương ứng nên chưa ghi gì; hãy sửa tệp trước (xem `songngu tm validate`)

## Issue 11, phần đầu ra: `-o` nhận và từ chối gì, tệp chỉ đọc, liên kết tượng trưng.
## $output: tệp hoặc thư mục được yêu cầu ghi; $input: tệp sẽ bị ghi đè;
## $role: loại tệp đó (article, memory, project, accepted, glossary, input).
error-output-is-input = không ghi `{ $output }`: đó chính là { $role ->
        [article] bài viết
        [memory] bộ nhớ dịch
        [project] tệp dự án
        [accepted] tệp các vấn đề đã chấp nhận
        [glossary] bảng thuật ngữ
        [work-file] tệp XLIFF
       *[input] tệp đầu vào
    } `{ $input }`; chưa ghi gì
error-output-holds-input = không ghi bản phát hành vào `{ $output }`: thư mục này chứa { $role ->
        [article] bài viết
        [memory] bộ nhớ dịch
        [project] tệp dự án
        [accepted] tệp các vấn đề đã chấp nhận
        [glossary] bảng thuật ngữ
        [work-file] tệp XLIFF
       *[input] tệp đầu vào
    } `{ $input }`, thay thư mục sẽ xoá mất tệp đó; chưa ghi gì
# $path: liên kết tượng trưng; $target: nơi liên kết trỏ tới.
error-dangling-link = `{ $path }` là liên kết tượng trưng trỏ tới `{ $target }`, nhưng nơi đó không tồn tại; chưa ghi gì
error-read-only = `{ $path }` chỉ cho phép đọc; chưa ghi gì (thêm `--force-readonly` nếu vẫn muốn ghi đè)
error-not-writable = `{ $path }` không phải loại tệp songngu ghi được (thiết bị khối, socket hoặc thư mục); chưa ghi gì
error-omegat-tm-to-stdout = bộ nhớ dịch cho OmegaT được ghi cạnh tệp XLIFF nên không thể ghi ra đầu ra chuẩn (`--omegat-tm -`); hãy chỉ định một tệp
error-release-to-stdout = bản phát hành là một thư mục nên không thể ghi ra đầu ra chuẩn (`-o -`); hãy chỉ định một thư mục
tm-convert-arg-force-readonly = Ghi đè tệp đầu ra kể cả khi tệp chỉ cho phép đọc (tệp vẫn giữ chế độ chỉ đọc)
tm-export-arg-force-readonly = Ghi đè tệp đầu ra kể cả khi tệp chỉ cho phép đọc (tệp vẫn giữ chế độ chỉ đọc)
tm-import-arg-force-readonly = Ghi bộ nhớ kể cả khi tệp chỉ cho phép đọc (tệp vẫn giữ chế độ chỉ đọc)
align-arg-force-readonly = Ghi bộ nhớ của `--into` kể cả khi tệp chỉ cho phép đọc (tệp vẫn giữ chế độ chỉ đọc)
check-arg-force-readonly = Ghi tệp các vấn đề đã chấp nhận (`--accept`) kể cả khi tệp chỉ cho phép đọc (tệp vẫn giữ chế độ chỉ đọc)
check-arg-show-obsolete = Liệt kê cả các bản dịch cũ đã ngừng dùng vì câu tiếng Anh không còn trong bài hoặc đã có bản dịch mới (vẫn lưu trong bộ nhớ, vẫn dùng làm gợi ý khớp mờ)
export-arg-show-obsolete = Liệt kê cả các bản dịch cũ đã ngừng dùng vì câu tiếng Anh không còn trong bài hoặc đã có bản dịch mới
update-arg-force-readonly = Ghi bộ nhớ kể cả khi tệp chỉ cho phép đọc (tệp vẫn giữ chế độ chỉ đọc)
translate-arg-force-readonly = Ghi bộ nhớ kể cả khi tệp chỉ cho phép đọc (tệp vẫn giữ chế độ chỉ đọc)
xliff-export-arg-force-readonly = Ghi đè tệp đầu ra kể cả khi tệp chỉ cho phép đọc (tệp vẫn giữ chế độ chỉ đọc)
xliff-import-arg-force-readonly = Ghi bộ nhớ kể cả khi tệp chỉ cho phép đọc (tệp vẫn giữ chế độ chỉ đọc)
export-arg-force-readonly = Ghi đè tệp đầu ra kể cả khi tệp chỉ cho phép đọc (tệp vẫn giữ chế độ chỉ đọc)

## Nhật ký thay đổi của bộ nhớ dịch (issue 12)

tm-compact-about = Ghi nhật ký thay đổi của bộ nhớ vào tệp TMX, để riêng tệp TMX là toàn bộ bộ nhớ
tm-compact-arg-tm = Bộ nhớ dịch; nếu không chỉ ra thì lần lượt từng tệp bộ nhớ dịch của dự án
    .value-name = TM
tm-compact-arg-no-wait = Báo lỗi ngay nếu một tiến trình songngu khác đang ghi bộ nhớ, thay vì chờ
tm-compact-arg-force-readonly = Ghi bộ nhớ kể cả khi tệp chỉ cho phép đọc (tệp vẫn giữ chế độ chỉ đọc)
tm-docs-about = Liệt kê các tài liệu (bài) trong một bộ nhớ dịch, kèm số đơn vị của từng tài liệu
tm-docs-arg-tm = Bộ nhớ dịch; nếu không chỉ ra thì lần lượt từng tệp bộ nhớ dịch của dự án
    .value-name = TM
tm-docs-arg-format = Định dạng đầu ra: `text` hoặc `json` (JSON Lines: mỗi tài liệu một dòng, cuối cùng là dòng tổng) [mặc định: `text`]
    .value-name = ĐỊNH_DẠNG
tm-docs-arg-source-lang = Ngôn ngữ của câu nguồn [mặc định: `en`]
    .value-name = NGÔN_NGỮ
tm-docs-arg-target-lang = Ngôn ngữ của bản dịch [mặc định: `vi`]
    .value-name = NGÔN_NGỮ
tm-docs-doc = { $doc }: { $units } đơn vị, { $translated } đã dịch{ $added ->
        [0] {""}
       *[other] , { $added } đơn vị do biên tập viên bổ sung
    }
tm-docs-total = `{ $path }`: { $docs } tài liệu, { $units } đơn vị{ $without ->
        [0] {""}
       *[other] ; { $without } đơn vị dịch không thuộc tài liệu nào
    }
tm-compacted = đã gộp `{ $path }`: { $changes } thay đổi từ `{ $journal }` đã ghi vào tệp, đã xoá nhật ký
tm-compact-nothing = `{ $path }` không có nhật ký: tệp TMX là toàn bộ bộ nhớ, không có gì để làm
tm-stats-journal = nhật ký `{ $journal }`: { $changes } thay đổi chưa có trong tệp TMX, đã tính ở trên (`songngu tm compact` ghi chúng vào)
error-journal-mismatch = `{ $journal }` chứa các thay đổi của một phiên bản khác của `{ $path }`: từ đó đến nay, một chương trình khác (hoặc `git`) đã sửa tệp TMX; chưa đọc hay ghi gì. Hãy đặt lại phiên bản `{ $path }` mà nhật ký nối tiếp rồi chạy `songngu tm compact`, hoặc chuyển nhật ký đi chỗ khác để dùng tệp TMX như hiện có
error-journal-damaged = `{ $journal }` không phải nhật ký songngu đọc được ({ $reason }); chưa đọc hay ghi gì

## ---------------------------------------------------------------------------------------
## Lỗi của thư viện, mỗi trường hợp một thông điệp (src/cli/errors/). $detail luôn là
## lời của bộ đọc XML bằng tiếng Anh; $reason của lỗi vào/ra là lời của
## hệ điều hành.
## ---------------------------------------------------------------------------------------

error-config-syntax = { $path }:{ $line }:{ $column }: tệp dự án viết sai: { $message }
error-config-invalid-utf8 = { $path }:{ $line }:{ $column }: không phải UTF-8 hợp lệ ở byte { $offset }; hãy lưu tệp dưới dạng UTF-8
error-config-language = { $path }: `{ $value }` không phải thẻ ngôn ngữ songngu hỗ trợ cho { $role ->
        [source] ngôn ngữ nguồn
       *[other] ngôn ngữ đích
    } (cần `{ $expected }`)
error-config-option = `{ $option } { $value }`: cần { $expected }
config-expected-english-tag = một thẻ ngôn ngữ tiếng Anh (en, en-US, en-GB...)
config-expected-vietnamese-tag = một thẻ ngôn ngữ tiếng Việt (vi, vi-VN)
config-expected-kind-setting = KIND=off|info|warning|error, trong đó KIND là một loại vấn đề, chẳng hạn `length`
error-config-empty-doc = { $path }:{ $line }:{ $column }: mỗi `[[article]]` cần một mã tài liệu; `doc` đang rỗng hoặc chỉ có khoảng trắng
error-config-unknown-kind = { $path }: trong [check.kinds] có loại kiểm tra không tồn tại: `{ $kind }`
error-config-unknown-setting = { $path }: giá trị `{ $value }` của `{ $key }` phải là một trong off, info, warning, error
error-accepted-syntax = { $path }:{ $line }:{ $column }: tệp các vấn đề đã chấp nhận viết sai: { $message }

# Chỗ sai trong một tệp TOML (`songngu.toml`, tệp các vấn đề đã chấp nhận): $message của
# error-config-syntax và error-accepted-syntax.
toml-problem-unclosed-array = mảng chưa đóng, thiếu `]`
toml-problem-unclosed-table = tên bảng chưa đóng, thiếu `]`
toml-problem-unclosed-array-table = tên mảng bảng chưa đóng, thiếu `]]`
toml-problem-unclosed-inline-table = bảng viết trên một dòng chưa đóng, thiếu `{"}"}`
toml-problem-invalid-string = chuỗi không hợp lệ: thiếu dấu nháy đóng, hoặc trong chuỗi có ký tự điều khiển
toml-problem-key-without-value = khoá chưa có giá trị, thiếu `=`
toml-problem-missing-value = thiếu giá trị sau `=`
toml-problem-unquoted-string = giá trị chuỗi phải đặt trong dấu nháy
toml-problem-invalid-key = khoá không hợp lệ: khoá không có dấu nháy chỉ được gồm chữ cái ASCII, chữ số, `-` và `_`
toml-problem-duplicate-key = khoá bị trùng: khoá hoặc bảng này đã có ở phía trên
toml-problem-missing-comma = thiếu dấu phẩy giữa các phần tử của mảng
toml-problem-extra-comma-in-array = thừa dấu phẩy trong mảng
toml-problem-extra-comma-in-inline-table = thừa dấu phẩy trong bảng viết trên một dòng
toml-problem-invalid-escape = chuỗi có ký tự thoát không hợp lệ (sau `\`); muốn viết dấu gạch ngược thì gõ `\\`
toml-problem-leading-zero = số không được bắt đầu bằng chữ số 0
toml-problem-trailing-content = có nội dung thừa sau giá trị; mỗi cặp khoá = giá trị phải kết thúc dòng
# $allowed: các khoá dùng được ở đó, `a`, `b`; $count (số): bao nhiêu khoá.
toml-problem-unknown-key = songngu không biết khoá `{ $key }`{ $count ->
        [0] {""}
       *[other] ; các khoá dùng được ở đây: { $allowed }
    }
toml-problem-missing-key = thiếu khoá bắt buộc `{ $key }`
# $found và $expected: string, integer, float, boolean, datetime, array hoặc table.
toml-problem-wrong-type = sai kiểu giá trị: cần { $expected ->
            [string] chuỗi
            [integer] số nguyên
            [float] số thực
            [boolean] giá trị `true`/`false`
            [datetime] ngày giờ
            [array] mảng
           *[table] bảng
        }, nhưng ở đây là { $found ->
            [string] chuỗi
            [integer] số nguyên
            [float] số thực
            [boolean] giá trị `true`/`false`
            [datetime] ngày giờ
            [array] mảng
           *[table] bảng
        }
# $detail: lời của bộ đọc TOML, bằng tiếng Anh, cho chỗ sai mà songngu chưa gọi được tên.
toml-problem-other = chi tiết từ bộ đọc TOML (tiếng Anh): { $detail }

error-access = không truy cập được `{ $path }`: { $reason }
error-verify-failed = nội dung mới của `{ $path }` không qua bước kiểm tra nên chưa lưu: { $detail }

error-memory-unknown-file = `{ $path }` không phải một tệp của bộ nhớ dịch
error-memory-unknown-entry = bộ nhớ dịch không có đơn vị dịch số { $id }
error-memory-preview = bộ nhớ dịch đang mở ở chế độ chạy thử nên không lưu được

journal-damage-not-a-journal = phần đầu tệp không phải của một nhật ký
journal-damage-short-header = phần đầu nhật ký bị cắt cụt
journal-damage-no-header = nhật ký thiếu phần đầu
journal-damage-bad-key = một khoá hỏng
journal-damage-short-record = một bản ghi bị cắt cụt
journal-damage-unknown-record = một loại bản ghi không xác định
journal-damage-missing-tu = một thay đổi nhắm vào đơn vị dịch không tồn tại
journal-damage-changed-twice = một thay đổi nhắm vào đơn vị dịch đã sửa trước đó

tmx-error-io = không đọc được tệp: { $reason }
tmx-error-empty = tệp rỗng
tmx-error-only-bom = tệp chỉ có dấu thứ tự byte (BOM)
tmx-error-utf32 = tệp mã hoá UTF-32, bảng mã mà các trình đọc TMX không hỗ trợ; hãy chuyển sang UTF-8
tmx-error-gzip = tệp đang ở dạng nén gzip; hãy giải nén trước
tmx-error-zip = tệp là một kho nén zip, không phải tài liệu TMX
tmx-error-unsupported-encoding = không hỗ trợ bảng mã `{ $encoding }`
tmx-error-invalid-utf8 = UTF-8 không hợp lệ ở byte { $byte }; nếu tệp dùng bảng mã cũ, hãy khai báo bảng mã đó (ví dụ `<?xml version="1.0" encoding="windows-1252"?>`)
tmx-error-invalid-data = dữ liệu { $encoding } không hợp lệ ở byte { $byte }
tmx-error-truncated-data = tệp kết thúc giữa chừng một ký tự { $encoding }
tmx-error-syntax = XML không hợp lệ: { $detail }
tmx-error-misplaced-declaration = khai báo XML chỉ được phép đứng ở ngay đầu tệp
tmx-error-bad-declaration = khai báo XML sai dạng: { $detail }
tmx-error-no-root = không có phần tử gốc
tmx-error-not-tmx = không phải tài liệu TMX: phần tử gốc là `<{ $root }>`
tmx-error-text-before-root = có văn bản trước phần tử gốc
tmx-error-after-root = có nội dung sau khi phần tử gốc đã đóng: { $detail }
tmx-error-misplaced-doctype = có `<!DOCTYPE>` thứ hai, hoặc `<!DOCTYPE>` nằm sau phần tử gốc
tmx-error-doctype-case = `<!DOCTYPE>` phải viết hoa
tmx-error-entity-declaration = không hỗ trợ khai báo thực thể (gặp `<!ENTITY`)
tmx-error-parameter-entity = không hỗ trợ tham chiếu thực thể tham số (gặp `{ $reference }`)
tmx-error-undefined-entity = thực thể `&{ $name };` chưa định nghĩa (chỉ có `&lt;`, `&gt;`, `&amp;`, `&apos;`, `&quot;`)
tmx-error-invalid-char-ref = tham chiếu ký tự `&{ $reference };` không hợp lệ
tmx-error-forbidden-char = XML 1.0 không cho phép ký tự { $char }
tmx-error-forbidden-char-ref = tham chiếu ký tự `&{ $reference };` ứng với ký tự { $char }, mà XML 1.0 không cho phép
tmx-error-cdata-end-in-text = không được có `]]>` trong văn bản
tmx-error-lt-in-attribute = không được có `<` trong giá trị thuộc tính
tmx-error-duplicate-attribute = thuộc tính `{ $name }` bị trùng
tmx-error-attribute-syntax = thuộc tính sai dạng: { $detail }
tmx-error-invalid-name = tên phần tử hoặc thuộc tính `{ $name }` không hợp lệ
tmx-error-unclosed-at-eof = tệp kết thúc đột ngột: { $elements } chưa đóng
tmx-error-limit = vượt giới hạn `{ $limit }` ({ $max }): { $limit ->
        [max_depth] các phần tử lồng nhau quá sâu
        [max_text_len] văn bản quá dài
        [max_header_items] `<header>` có quá nhiều phần tử con
        [max_tus] quá nhiều phần tử `<tu>`
        [max_tuvs] một `<tu>` có quá nhiều `<tuv>`
        [max_inline] một `<seg>` có quá nhiều phần tử nội dòng
        [max_attr_len] giá trị thuộc tính quá dài
        [max_attrs] một phần tử có quá nhiều thuộc tính
        [max_file_bytes] tệp quá lớn
        [max_element_bytes] một phần tử `<tu>` (hoặc một đoạn đánh dấu hay văn bản ngoài các đơn vị dịch) quá lớn
       *[other] { $what }
    }
tmx-error-not-a-tu = cần đúng một phần tử `<tu>`: { $detail }
tmx-error-damaged-tu = `<tu>` bị hỏng: { $detail }

tmx-write-io = không ghi được TMX: { $reason }
tmx-write-tu = không ghi được tu số { $number }: { $reason }
tmx-write-tu-with-id = không ghi được tu số { $number } (tuid `{ $tuid }`): { $reason }
tmx-write-header = không ghi được phần đầu (header): { $reason }
tmx-write-root = không ghi được phần tử `<tmx>`: { $reason }
tmx-invalid-forbidden-char = XML 1.0 không cho phép ký tự { $char } trong { $place }
tmx-invalid-bad-name = tên `{ $name }` không hợp lệ
tmx-invalid-duplicate-attribute = thuộc tính `{ $name }` bị trùng trên `<{ $element }>`
tmx-invalid-version-attribute = thuộc tính `version` phải nằm ở tham số phiên bản, không nằm trong các thuộc tính của phần tử gốc
tmx-invalid-bad-doctype = không ghi nguyên dạng được DOCTYPE `{ $doctype }`
tmx-invalid-bad-version = không ghi nguyên dạng được phiên bản `{ $version }`
tmx-invalid-too-deep = phần đánh dấu lồng sâu quá { $depth } cấp
tmx-invalid-no-tuv = `<tu>` không có `<tuv>` nào
tmx-invalid-no-lang = `<tuv>` thiếu `xml:lang` hoặc `lang`

error-xliff-at = `{ $path }`:{ $line }:{ $column }: { $message }
xliff-error-encoding = { $encoding } không hợp lệ ở byte { $byte }; tệp XLIFF phải là UTF-8 (hoặc UTF-16 có dấu thứ tự byte)
xliff-error-malformed = XML sai dạng: { $detail }
xliff-error-not-xliff = không phải tài liệu XLIFF: phần tử gốc là `{ $root }`
xliff-error-unsupported-version = không hỗ trợ phiên bản XLIFF `{ $version }`
xliff-error-no-version = không rõ phiên bản XLIFF (thiếu thuộc tính `version`)
xliff-error-version-mismatch = `version="{ $version }"` không khớp với không gian tên `{ $namespace }`
xliff-error-missing-attribute = `<{ $element }>` thiếu `{ $attribute }`
xliff-error-duplicate-unit-id = mã đơn vị `{ $id }` bị trùng (đã dùng lần đầu ở dòng { $first-line })
xliff-error-unit-outside-file = `<{ $element }>` nằm ngoài `<file>`
xliff-error-no-file = không có phần tử `<file>`
xliff-error-bad-code-point = `<cp hex="{ $hex }"/>` không phải một điểm mã hợp lệ

xliff-write-doc = không ghi được tài liệu XLIFF { $version }: { $reason }
xliff-write-unit = không ghi được đơn vị số { $number } (`{ $id }`) thành XLIFF { $version }: { $reason }
xliff-invalid-forbidden-char = không ghi được ký tự { $char } trong { $field } bằng XML 1.0
xliff-field-document-id = mã tài liệu
xliff-field-unit-name = tên đơn vị
xliff-field-english = bản tiếng Anh
xliff-field-vietnamese = bản tiếng Việt
xliff-field-old-english = bản tiếng Anh cũ
xliff-field-note = một ghi chú
xliff-invalid-bad-id = mã `{ $id }` không phải một NMTOKEN của XML
xliff-invalid-duplicate-id = đơn vị số { $number } đã dùng mã đơn vị này
xliff-invalid-bad-lang = `{ $field }` không phải thẻ ngôn ngữ: `{ $value }`
xliff-invalid-score-out-of-range = điểm khớp { $score } vượt quá 100
xliff-invalid-score-without-target = có điểm khớp nhưng không có gợi ý tiếng Việt
xliff-invalid-state-without-target = có trạng thái `{ $state }` nhưng không có bản tiếng Việt
xliff-invalid-empty-target = bản tiếng Việt rỗng (dùng `None` khi chưa có bản dịch)
xliff-invalid-no-units = XLIFF 2.0 cần ít nhất một đơn vị

export-error-invalid-unit = đơn vị số { $number } (`{ $unit }`) không thuộc `{ $path }`: { $problem }
export-unit-no-such-block = tài liệu không có khối chứa đơn vị này
export-unit-outside-its-block = phạm vi của đơn vị nằm ngoài khối chứa nó
export-unit-out-of-order = đơn vị sai thứ tự trong tài liệu hoặc chồng lên đơn vị đứng trước
export-unit-text-differs = văn bản của đơn vị khác với văn bản của tài liệu ở cùng phạm vi
export-error-drift = `{ $doc }` còn sai lệch ({ $stale } đơn vị cũ, { $missing } đơn vị thiếu, { $findings } vấn đề chưa xử lý); hãy xuất với tùy chọn cho phép sai lệch hoặc sửa trước
export-error-write = không ghi được đầu ra { $format }: { $reason }
export-error-manifest = không ghi được manifest: { $detail }
export-error-bad-file-name = `{ $name }` không thể là tên một tệp của bản phát hành
export-error-duplicate-file = có hai tệp phát hành cùng tên `{ $name }`
export-error-not-a-release = `{ $path }` đã tồn tại và không phải thư mục phát hành; chưa ghi gì

## `tm merge`: hợp nhất ba chiều các tệp bộ nhớ, trình hợp nhất của git (issue 14)

tm-merge-about = Hợp nhất hai phiên bản của một bộ nhớ dịch cùng bắt nguồn từ một bản chung, theo từng đơn vị dịch (trình hợp nhất bộ nhớ cho git); trả mã 1 khi có xung đột
tm-merge-arg-base = Bản chung (`%O` của trình hợp nhất git)
    .value-name = GỐC
tm-merge-arg-ours = Bản của mình (`%A`)
    .value-name = MÌNH
tm-merge-arg-theirs = Bản của người kia (`%B`)
    .value-name = HỌ
tm-merge-arg-output = Bộ nhớ sau khi hợp nhất; có thể chính là bản của mình (`-o %A` cho git); `-` là ghi ra đầu ra chuẩn
    .value-name = RA
tm-merge-arg-force-readonly = Ghi đè tệp đầu ra kể cả khi tệp chỉ cho phép đọc (tệp vẫn giữ chế độ chỉ đọc)
tm-merge-arg-no-wait = Báo lỗi ngay nếu một tiến trình songngu khác đang ghi bộ nhớ đầu ra, thay vì chờ
tm-merge-arg-format = Định dạng đầu ra: `text` (ghi ra đầu ra lỗi chuẩn) hoặc `json` (JSON Lines ghi ra đầu ra chuẩn: mỗi xung đột một dòng, cuối cùng là dòng tổng kết) [mặc định: `text`]
    .value-name = ĐỊNH_DẠNG
error-tm-merge-json-stdout = `--format json` ghi ra đầu ra chuẩn nên bộ nhớ sau khi hợp nhất không thể ghi ra đó nữa: hãy chỉ ra một tệp cho `-o`
tm-merged = đã hợp nhất vào `{ $path }`: { $tus } đơn vị dịch ({ $kept } giữ nguyên hoặc hai bên sửa giống nhau, { $ours } lấy từ bản của mình, { $theirs } lấy từ bản của người kia, { $added } thêm mới, { $deleted } đã xoá)
tm-merged-conflicts = đã hợp nhất vào `{ $path }`, còn { $conflicts } xung đột: với mỗi xung đột, hãy giữ lại phiên bản đúng trong tệp rồi xoá thuộc tính `x-songngu-conflict` của nó ({ $tus } đơn vị dịch: { $kept } giữ nguyên hoặc hai bên sửa giống nhau, { $ours } lấy từ bản của mình, { $theirs } lấy từ bản của người kia, { $added } thêm mới, { $deleted } đã xoá)
tm-merge-tu-unit = đơn vị `{ $unit }` của tài liệu `{ $doc }`
tm-merge-tu-tuid = đơn vị dịch `{ $tuid }`
tm-merge-tu-source = đơn vị dịch của câu “{ $source }”
tm-merge-conflict-both = xung đột: hai bên sửa { $tu } khác nhau; giữ cả hai phiên bản, bản của mình đánh dấu `x-songngu-conflict=ours`, bản của người kia `x-songngu-conflict=theirs`
tm-merge-conflict-deleted-by-ours = xung đột: bản của mình đã xoá { $tu }, còn bản của người kia lại sửa; giữ phiên bản của người kia, đánh dấu `x-songngu-conflict=deleted-by-ours`
tm-merge-conflict-deleted-by-theirs = xung đột: bản của người kia đã xoá { $tu }, còn bản của mình lại sửa; giữ phiên bản của mình, đánh dấu `x-songngu-conflict=deleted-by-theirs`
error-tm-merge-journal = `{ $path }` có nhật ký thay đổi `{ $journal }`: hãy chạy `songngu tm compact` cho tệp này trước; chưa ghi gì

## serve
serve-about = Mở trang duyệt bài của dự án trong thư mục này: từng bài đặt cạnh bản tiếng Việt, kèm sai lệch và các vấn đề, cùng biểu mẫu để sửa, duyệt, chấp nhận và xuất bài. Dòng đầu tiên in ra là địa chỉ cần mở, có kèm mã truy cập
serve-arg-port = Cổng để lắng nghe; 0 là chọn một cổng còn trống [mặc định: 0]
    .value-name = N
serve-arg-bind = Địa chỉ để lắng nghe; mọi địa chỉ khác máy này (127.0.0.1, ::1) đều cho người khác trong mạng vào được trang nếu có mã [mặc định: 127.0.0.1]
    .value-name = ĐỊA_CHỈ
serve-arg-open = Mở trang trong trình duyệt
# $addr: địa chỉ nêu với --bind.
serve-warning-exposed = đang lắng nghe trên { $addr }, không chỉ trên máy này: ai vào được địa chỉ đó và có địa chỉ in ở trên đều sửa được bộ nhớ dịch
# $program: xdg-open hoặc open; $reason: lý do.
serve-warning-open = không mở được trình duyệt bằng `{ $program }` ({ $reason }): hãy tự mở địa chỉ ở trên
error-serve-no-project = không có tệp dự án (`songngu.toml`) ở đây: `serve` hiển thị các bài mà dự án liệt kê; hãy chạy `songngu init`, rồi liệt kê các bài bằng `[[article]]`
# $addr: địa chỉ và cổng; $reason: lý do.
error-serve-bind = không lắng nghe được trên { $addr }: { $reason }
# $reason: lý do.
error-serve-io = máy chủ trang duyệt đã dừng: { $reason }

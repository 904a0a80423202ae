# Trang duyệt bài (`songngu serve`). Mọi id đều bắt đầu bằng `serve-`.

serve-language = Ngôn ngữ
serve-language-en-us = English
serve-language-vi = Tiếng Việt
serve-language-switch = Đổi

## Từ chối: trang ngắn cho yêu cầu không được vào.
serve-refused-title = Không được phép
serve-refused-host = Trang này chỉ trả lời qua địa chỉ songngu đã in ra (tiêu đề Host ghi một máy chủ khác).
serve-refused-token = Mã truy cập không đúng. Hãy mở địa chỉ mà `songngu serve` đã in ra.
serve-refused-no-token = Hãy mở địa chỉ mà `songngu serve` đã in ra: địa chỉ đó có mã truy cập.
serve-refused-origin = Yêu cầu này đến từ một trang web khác nên bị từ chối.
serve-refused-csrf = Biểu mẫu này đã cũ hoặc đến từ nơi khác: hãy tải lại trang rồi thử lại.
serve-not-found = Không có gì ở đây. Danh sách bài nằm ở trang tổng quan.

## Lỗi khi thao tác, hiện trên trang bài.
serve-error-empty = Bản dịch đang trống: chưa lưu gì.
# $unit: mã đơn vị.
serve-error-no-unit = Bài không có đơn vị { $unit }.
# $unit: mã đơn vị; $state: trạng thái (serve-state-*).
serve-error-not-reviewable = Đơn vị { $unit } đang ở trạng thái { $state }: chưa có bản dịch hiện hành để duyệt.
serve-error-no-finding = Vấn đề này không còn trong lần kiểm tra mới: trang đã cũ. Dưới đây là bài ở hiện trạng.
# $path: tệp bộ nhớ dịch; $count: số đơn vị dịch hỏng.
serve-error-damaged = `{ $path }` có { $count } đơn vị dịch bị hỏng: hãy sửa (`songngu tm validate`) trước khi làm tiếp bài này.
serve-error-no-reason = Hãy ghi lý do vì sao vấn đề này chấp nhận được: lý do được lưu cùng vấn đề.

## Trạng thái của đơn vị (đúng tên trong `check --format json`) và của bản dịch.
serve-state-current = hiện hành
serve-state-stale = bản dịch cũ
serve-state-missing = thiếu
serve-state-omitted = lược bỏ
serve-review-translated = đã dịch
serve-review-reviewed = đã duyệt
serve-review-needs-review = cần duyệt

## Tổng quan.
serve-overview-title = Các bài
serve-col-article = Bài
serve-col-units = Đơn vị
serve-col-current = Hiện hành
serve-col-stale = Bản dịch cũ
serve-col-missing = Thiếu
serve-col-needs-review = Cần duyệt
serve-col-reviewed = Đã duyệt
serve-col-errors = Lỗi
serve-col-warnings = Cảnh báo
serve-col-infos = Ghi chú
serve-col-release = Xuất bài
serve-gate-refused = bị từ chối: còn vấn đề
serve-gate-ready = sẵn sàng xuất

## Trang bài.
serve-filter-todo = Chỉ những chỗ cần sửa
serve-filter-all = Tất cả đơn vị
serve-keys = Phím tắt: j hoặc n tới đơn vị cần sửa kế tiếp, k hoặc p về đơn vị trước.
serve-old-en = Trước:
serve-new-en = Nay:
serve-no-translation = chưa dịch
# $score: 0-100.
serve-suggestion = Gợi ý từ bộ nhớ dịch ({ $score }%):
serve-use-suggestion = Dùng gợi ý này
serve-vietnamese = Tiếng Việt
serve-save = Lưu
serve-approve = Duyệt
serve-reason = Lý do chấp nhận
serve-accept = Chấp nhận
# $by: ai; $at: lúc nào (ISO 8601).
serve-accepted-by = { $by } đã chấp nhận lúc { $at }
serve-orphans = Đã bỏ khỏi bài
serve-release = Xuất bài này
serve-release-files = Bộ tệp đã xuất, trong thư mục `release` của dự án:

## Kết quả thao tác.
# $unit: mã đơn vị.
serve-saved = Đã lưu bản tiếng Việt của { $unit }; các bước kiểm tra bên dưới đã chạy lại.
# $unit: mã đơn vị.
serve-approved = Đã duyệt { $unit }.
serve-accepted = Đã chấp nhận vấn đề; lý do đã được ghi lại.
serve-released = Đã xuất: các tệp được liệt kê bên dưới.
# $unit: mã đơn vị.
serve-conflict = Chưa lưu: bản tiếng Việt của { $unit } đã thay đổi từ lúc trang này được mở. Hãy so sánh rồi lưu lại.
serve-conflict-theirs = Trong bộ nhớ dịch hiện nay:
serve-conflict-yours = Bản của bạn:
serve-conflict-approve = Chưa duyệt: bản tiếng Việt của { $unit } đã thay đổi từ lúc trang này được mở. Hãy đọc lại rồi duyệt.
serve-release-refused = Từ chối xuất: bài vẫn chưa đạt kiểm tra, còn { $failing } vấn đề. Hãy sửa hoặc chấp nhận những chỗ sau trước:
# $unit: mã đơn vị; $state: trạng thái (serve-state-*).
serve-refused-unit = { $unit }: { $state }
# $unit: mã đơn vị; $count: số vấn đề còn mở.
serve-refused-findings = { $unit }: { $count } vấn đề

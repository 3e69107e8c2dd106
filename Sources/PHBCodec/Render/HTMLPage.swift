/// A self-contained HTML page: British English, UTF-8, no scripts, its style inline.
enum HTMLPage {
    /// The page with `title`, the style sheet `css` and the `body` markup.
    static func document(title: String, css: String, body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en-GB">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(StatementRenderer.escape(title))</title>
        <style>
        \(css)
        </style>
        </head>
        <body>
        \(body)
        </body>
        </html>

        """
    }
}

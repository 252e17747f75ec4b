import Foundation

/// One file of the finished site, by path relative to the output folder.
public struct OutputFile: Sendable {
    public var path: String
    public var data: Data
    /// Set for a page whose inputs are unchanged since the build recorded in the cache: the file
    /// already in the output folder is kept as it is, and `data` is empty.
    public var isKept = false

    public init(path: String, data: Data) {
        self.path = path
        self.data = data
    }

    public init(path: String, text: String) {
        self.path = path
        self.data = Data(text.utf8)
    }

    /// A page the writer keeps from the previous build.
    static func kept(_ path: String) -> OutputFile {
        var file = OutputFile(path: path, data: Data())
        file.isKept = true
        return file
    }
}

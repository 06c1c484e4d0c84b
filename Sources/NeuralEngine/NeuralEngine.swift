import COpenBLAS

/// Number of threads OpenBLAS will use for a product.
public var blasThreads: Int { Int(openblas_get_num_threads()) }

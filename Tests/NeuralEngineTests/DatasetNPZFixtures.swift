import Foundation

/// Two tiny `.npz` files written by numpy 2.4 (python3), kept here as base64 so the test
/// target needs no resources. Made with:
///
///     x_train = (np.arange(2*28*28) * 7 % 256).astype(np.uint8).reshape(2, 28, 28)
///     y_train = np.array([5, 0], np.uint8)
///     x_test = (np.arange(28*28) * 3 % 256).astype(np.uint8).reshape(1, 28, 28)
///     y_test = np.array([7], np.uint8)
///     np.savez('stored.npz', x_train=..., y_train=..., x_test=..., y_test=...)
///     np.savez_compressed('deflated.npz', ..., y_train=y_train.astype(np.int64), y_test=y_test.astype(np.int64))
///
/// stored.npz: stored members with zip64 local headers (numpy's force_zip64);
/// deflated.npz: deflated members, labels as int64. numpy: x_train.sum() == 199312,
/// x_test.sum() == 98280, x_train[1, 27, 20:28] == [168, 175, 182, 189, 196, 203, 210, 217].
enum NPZFixtures {
    static let stored = decode("""
        UEsDBC0AAAAAAAAAIQDWW6VT//////////8LABQAeF90cmFpbi5ucHkBABAAoAYAAAAAAACgBgAAAAAAAJNOVU1QWQEAdgB7J2Rl
        c2NyJzogJ3x1MScsICdmb3J0cmFuX29yZGVyJzogRmFsc2UsICdzaGFwZSc6ICgyLCAyOCwgMjgpLCB9ICAgICAgICAgICAgICAg
        ICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAKAAcOFRwjKjE4P0ZNVFtiaXB3foWMk5qhqK+2vcTL0tng5+71
        /AMKERgfJi00O0JJUFdeZWxzeoGIj5adpKuyucDHztXc4+rx+P8GDRQbIikwNz5FTFNaYWhvdn2Ei5KZoKeutbzDytHY3+bt9PsC
        CRAXHiUsMzpBSE9WXWRrcnmAh46VnKOqsbi/xs3U2+Lp8Pf+BQwTGiEoLzY9REtSWWBnbnV8g4qRmJ+mrbS7wsnQ197l7PP6AQgP
        Fh0kKzI5QEdOVVxjanF4f4aNlJuiqbC3vsXM09rh6O/2/QQLEhkgJy41PENKUVhfZm10e4KJkJeepayzusHIz9bd5Ovy+QAHDhUc
        IyoxOD9GTVRbYmlwd36FjJOaoaivtr3Ey9LZ4Ofu9fwDChEYHyYtNDtCSVBXXmVsc3qBiI+WnaSrsrnAx87V3OPq8fj/Bg0UGyIp
        MDc+RUxTWmFob3Z9hIuSmaCnrrW8w8rR2N/m7fT7AgkQFx4lLDM6QUhPVl1ka3J5gIeOlZyjqrG4v8bN1Nvi6fD3/gUMExohKC82
        PURLUllgZ251fIOKkZifpq20u8LJ0Nfe5ezz+gEIDxYdJCsyOUBHTlVcY2pxeH+GjZSboqmwt77FzNPa4ejv9v0ECxIZICcuNTxD
        SlFYX2ZtdHuCiZCXnqWss7rByM/W3eTr8vkABw4VHCMqMTg/Rk1UW2JpcHd+hYyTmqGor7a9xMvS2eDn7vX8AwoRGB8mLTQ7QklQ
        V15lbHN6gYiPlp2kq7K5wMfO1dzj6vH4/wYNFBsiKTA3PkVMU1phaG92fYSLkpmgp661vMPK0djf5u30+wIJEBceJSwzOkFIT1Zd
        ZGtyeYCHjpWco6qxuL/GzdTb4unw9/4FDBMaISgvNj1ES1JZYGdudXyDipGYn6attLvCydDX3uXs8/oBCA8WHSQrMjlAR05VXGNq
        cXh/ho2Um6KpsLe+xczT2uHo7/b9BAsSGSAnLjU8Q0pRWF9mbXR7gomQl56lrLO6wcjP1t3k6/L5AAcOFRwjKjE4P0ZNVFtiaXB3
        foWMk5qhqK+2vcTL0tng5+71/AMKERgfJi00O0JJUFdeZWxzeoGIj5adpKuyucDHztXc4+rx+P8GDRQbIikwNz5FTFNaYWhvdn2E
        i5KZoKeutbzDytHY3+bt9PsCCRAXHiUsMzpBSE9WXWRrcnmAh46VnKOqsbi/xs3U2+Lp8Pf+BQwTGiEoLzY9REtSWWBnbnV8g4qR
        mJ+mrbS7wsnQ197l7PP6AQgPFh0kKzI5QEdOVVxjanF4f4aNlJuiqbC3vsXM09rh6O/2/QQLEhkgJy41PENKUVhfZm10e4KJkJee
        payzusHIz9bd5Ovy+QAHDhUcIyoxOD9GTVRbYmlwd36FjJOaoaivtr3Ey9LZ4Ofu9fwDChEYHyYtNDtCSVBXXmVsc3qBiI+WnaSr
        srnAx87V3OPq8fj/Bg0UGyIpMDc+RUxTWmFob3Z9hIuSmaCnrrW8w8rR2N/m7fT7AgkQFx4lLDM6QUhPVl1ka3J5gIeOlZyjqrG4
        v8bN1Nvi6fD3/gUMExohKC82PURLUllgZ251fIOKkZifpq20u8LJ0Nfe5ezz+gEIDxYdJCsyOUBHTlVcY2pxeH+GjZSboqmwt77F
        zNPa4ejv9v0ECxIZICcuNTxDSlFYX2ZtdHuCiZCXnqWss7rByM/W3eTr8vkABw4VHCMqMTg/Rk1UW2JpcHd+hYyTmqGor7a9xMvS
        2eDn7vX8AwoRGB8mLTQ7QklQV15lbHN6gYiPlp2kq7K5wMfO1dzj6vH4/wYNFBsiKTA3PkVMU1phaG92fYSLkpmgp661vMPK0djf
        5u30+wIJEBceJSwzOkFIT1ZdZGtyeYCHjpWco6qxuL/GzdTb4unw9/4FDBMaISgvNj1ES1JZYGdudXyDipGYn6attLvCydDX3uXs
        8/oBCA8WHSQrMjlAR05VXGNqcXh/ho2Um6KpsLe+xczT2uHo7/b9BAsSGSAnLjU8Q0pRWF9mbXR7gomQl56lrLO6wcjP1t3k6/L5
        AAcOFRwjKjE4P0ZNVFtiaXB3foWMk5qhqK+2vcTL0tlQSwMELQAAAAAAAAAhAEqmB9X//////////wsAFAB5X3RyYWluLm5weQEA
        EACCAAAAAAAAAIIAAAAAAAAAk05VTVBZAQB2AHsnZGVzY3InOiAnfHUxJywgJ2ZvcnRyYW5fb3JkZXInOiBGYWxzZSwgJ3NoYXBl
        JzogKDIsKSwgfSAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgIAoFAFBL
        AwQtAAAAAAAAACEA3vqij///////////CgAUAHhfdGVzdC5ucHkBABAAkAMAAAAAAACQAwAAAAAAAJNOVU1QWQEAdgB7J2Rlc2Ny
        JzogJ3x1MScsICdmb3J0cmFuX29yZGVyJzogRmFsc2UsICdzaGFwZSc6ICgxLCAyOCwgMjgpLCB9ICAgICAgICAgICAgICAgICAg
        ICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAKAAMGCQwPEhUYGx4hJCcqLTAzNjk8P0JFSEtOUVRXWl1gY2ZpbG9y
        dXh7foGEh4qNkJOWmZyfoqWoq66xtLe6vcDDxsnMz9LV2Nve4eTn6u3w8/b5/P8CBQgLDhEUFxodICMmKSwvMjU4Oz5BREdKTVBT
        VllcX2JlaGtucXR3en2Ag4aJjI+SlZibnqGkp6qtsLO2uby/wsXIy87R1Nfa3eDj5uns7/L1+Pv+AQQHCg0QExYZHB8iJSgrLjE0
        Nzo9QENGSUxPUlVYW15hZGdqbXBzdnl8f4KFiIuOkZSXmp2go6aprK+ytbi7vsHEx8rN0NPW2dzf4uXo6+7x9Pf6/QADBgkMDxIV
        GBseISQnKi0wMzY5PD9CRUhLTlFUV1pdYGNmaWxvcnV4e36BhIeKjZCTlpmcn6KlqKuusbS3ur3Aw8bJzM/S1djb3uHk5+rt8PP2
        +fz/AgUICw4RFBcaHSAjJiksLzI1ODs+QURHSk1QU1ZZXF9iZWhrbnF0d3p9gIOGiYyPkpWYm56hpKeqrbCztrm8v8LFyMvO0dTX
        2t3g4+bp7O/y9fj7/gEEBwoNEBMWGRwfIiUoKy4xNDc6PUBDRklMT1JVWFteYWRnam1wc3Z5fH+ChYiLjpGUl5qdoKOmqayvsrW4
        u77BxMfKzdDT1tnc3+Ll6Ovu8fT3+v0AAwYJDA8SFRgbHiEkJyotMDM2OTw/QkVIS05RVFdaXWBjZmlsb3J1eHt+gYSHio2Qk5aZ
        nJ+ipairrrG0t7q9wMPGyczP0tXY297h5Ofq7fDz9vn8/wIFCAsOERQXGh0gIyYpLC8yNTg7PkFER0pNUFNWWVxfYmVoa25xdHd6
        fYCDhomMj5KVmJueoaSnqq2ws7a5vL/CxcjLztHU19rd4OPm6ezv8vX4+/4BBAcKDRATFhkcHyIlKCsuMTQ3Oj1AQ0ZJTE9SVVhb
        XmFkZ2ptcHN2eXx/goWIi46RlJeanaCjpqmsr7K1uLu+wcTHys3Q09bZ3N/i5ejr7vH09/r9AAMGCQwPEhUYGx4hJCcqLVBLAwQt
        AAAAAAAAACEAThfFKf//////////CgAUAHlfdGVzdC5ucHkBABAAgQAAAAAAAACBAAAAAAAAAJNOVU1QWQEAdgB7J2Rlc2NyJzog
        J3x1MScsICdmb3J0cmFuX29yZGVyJzogRmFsc2UsICdzaGFwZSc6ICgxLCksIH0gICAgICAgICAgICAgICAgICAgICAgICAgICAg
        ICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAKB1BLAQItAy0AAAAAAAAAIQDWW6VToAYAAKAGAAALAAAAAAAAAAAAAACA
        AQAAAAB4X3RyYWluLm5weVBLAQItAy0AAAAAAAAAIQBKpgfVggAAAIIAAAALAAAAAAAAAAAAAACAAd0GAAB5X3RyYWluLm5weVBL
        AQItAy0AAAAAAAAAIQDe+qKPkAMAAJADAAAKAAAAAAAAAAAAAACAAZwHAAB4X3Rlc3QubnB5UEsBAi0DLQAAAAAAAAAhAE4XxSmB
        AAAAgQAAAAoAAAAAAAAAAAAAAIABaAsAAHlfdGVzdC5ucHlQSwUGAAAAAAQABADiAAAAJQwAAAAA
        """)

    static let deflated = decode("""
        UEsDBC0AAAAIAAAAIQDWW6VT//////////8LABQAeF90cmFpbi5ucHkBABAAoAYAAAAAAABlAQAAAAAAAJvsF+obEMnIUMZQrZ6S
        WpxcpG6loF5Taqiuo6Cell9UUpSYF59flJIKEndLzClOBYoXZyQWpAL5GkY6CkYWIKypo1CrQA7gYmDnE5VR1jK0sHfzDYlOyiwo
        r2vtmTxr4Yr12/YeOX3p5oPn777+YeYSlJBX0zWxdvIMCI9LzSmuauzonzZ3yepNOw8cP3f1zuNXH3/8Z+MVkVbSNDC3c/UJjkrM
        yC+rbemeNHPB8nVb9xw+dfHG/Wdvv/xm4hQQl1PVMbZy9PAPi03JLqpsaO+bOmfxqo079h87e+X2o5cfvv9j5RGWUtTQN7N18Q6K
        TEjPK61p7po4Y/6ytVt2Hzp54fq9p28+/2Lk4BeTVdE2snRw9wuNSc4qrKhv650ye9HKDdv3HT1z+dbDF++//WXhFpJUUNcztXH2
        CoyIT8stqW7qnDB93tI1m3cdPHH+2t0nrz/9HPX/qP9H/T/q/1H/Y/c/AFBLAwQtAAAACAAAACEA9rcIf///////////CwAUAHlf
        dHJhaW4ubnB5AQAQAJAAAAAAAAAASAAAAAAAAACb7BfqGxDJyFDGUK2eklqcXKRupaBuk2mhrqOgnpZfVFKUmBefX5SSChJ3S8wp
        TgWKF2ckFqQC+RpGOpo6CrUKFAAuVgZUAABQSwMELQAAAAgAAAAhAN76oo///////////woAFAB4X3Rlc3QubnB5AQAQAJADAAAA
        AAAAXgEAAAAAAACb7BfqGxDJyFDGUK2eklqcXKRupaBeU2qorqOgnpZfVFKUmBefX5SSChJ3S8wpTgWKF2ckFqQC+RqGOgpGFiCs
        qaNQq0AO4GJgZuPk4RcSlZCWU1RR19I1MDaztLF3cvXw9gsMCY+KTUhOy8zJLyqtqK5rbGnv6p0wedrMOfMXLV2xet3GLdt37T1w
        +NjJM+cvXb1x+97DJ89fvf3w+dvPP/+ZWDm4+QRFxKVkFZTVNHX0jUwtrO0cXdy9fAOCwyJj4pNSM7LzCkvKq2obmts6e/onTZ0x
        e97CJctXrd2wedvOPfsPHT1x+tzFK9dv3X3w+NnLN+8/ff3x+x8jCzsXr4CwmKSMvJKqhraeoYm5la2Ds5unj39QaER0XGJKelZu
        QXFZZU19U2tHd9/EKdNnzV2weNnKNes3bd2xe9/BI8dPnb1w+drNO/cfPX3x+t3HL99//R31/6j/kf0PAFBLAwQtAAAACAAAACEA
        uZN7mP//////////CgAUAHlfdGVzdC5ucHkBABAAiAAAAAAAAABIAAAAAAAAAJvsF+obEMnIUMZQrZ6SWpxcpG6loG6TaaGuo6Ce
        ll9UUpSYF59flJIKEndLzClOBYoXZyQWpAL5GoY6mjoKtQoUAC52BggAAFBLAQItAy0AAAAIAAAAIQDWW6VTZQEAAKAGAAALAAAA
        AAAAAAAAAACAAQAAAAB4X3RyYWluLm5weVBLAQItAy0AAAAIAAAAIQD2twh/SAAAAJAAAAALAAAAAAAAAAAAAACAAaIBAAB5X3Ry
        YWluLm5weVBLAQItAy0AAAAIAAAAIQDe+qKPXgEAAJADAAAKAAAAAAAAAAAAAACAAScCAAB4X3Rlc3QubnB5UEsBAi0DLQAAAAgA
        AAAhALmTe5hIAAAAiAAAAAoAAAAAAAAAAAAAAIABwQMAAHlfdGVzdC5ucHlQSwUGAAAAAAQABADiAAAARQQAAAAA
        """)

    private static func decode(_ text: String) -> [UInt8] {
        [UInt8](Data(base64Encoded: text.filter { !$0.isWhitespace }) ?? Data())
    }
}

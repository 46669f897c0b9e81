package org.ebpfexporter.bpf;

/** Reading a loaded program's info, or listing the loaded programs, failed. */
public final class BpfProgramException extends BpfException {
    BpfProgramException(String message, int errno) {
        super(message, errno);
    }

    BpfProgramException(String message, int errno, PrivilegeNeeds needs) {
        super(message, errno, needs);
    }
}

import { describe, expect, it } from 'vitest';
import { locateFreezer, openCgroupFreezer } from './cgroup-freezer.ts';

const id = '9cee76f7f4ddd1aa3233306b2118332d3eec3ca38efe9ceab5fa6a7b6d65e696';

/** A Docker container's /proc/<pid>/cgroup on a cgroup v1 host (the hybrid layout: v1 controllers and a v2 tree). */
const v1Cgroup = `9:name=systemd:/docker/${id}
8:pids:/docker/${id}
6:freezer:/docker/${id}
4:memory:/docker/${id}
2:cpu,cpuacct:/docker/${id}
0::/docker/${id}
`;
const hybridMounts = `31 23 0:28 / /sys/fs/cgroup rw,relatime - tmpfs tmpfs rw,mode=755
32 31 0:29 / /sys/fs/cgroup/cpu,cpuacct rw,relatime - cgroup cgroup rw,cpu,cpuacct
37 31 0:34 / /sys/fs/cgroup/freezer rw,relatime - cgroup cgroup rw,freezer
40 31 0:37 / /sys/fs/cgroup/systemd rw,relatime - cgroup cgroup rw,name=systemd
41 31 0:38 / /sys/fs/cgroup/unified rw,relatime - cgroup2 cgroup2 rw
`;
/** The same container under systemd's driver on a unified (cgroup v2) host. */
const v2Cgroup = `0::/system.slice/docker-${id}.scope\n`;
const v2Mounts = `24 30 0:22 / /sys rw,nosuid,nodev,noexec,relatime shared:7 - sysfs sysfs rw
28 24 0:26 / /sys/fs/cgroup rw,nosuid,nodev,noexec,relatime shared:9 - cgroup2 cgroup2 rw,nsdelegate,memory_recursiveprot
`;

describe('locating a container process\'s cgroup freezer', () => {
  it('uses the v1 freezer hierarchy where one is mounted, even beside a v2 tree', () => {
    expect(locateFreezer(v1Cgroup, hybridMounts)).toEqual({ version: 1, dir: `/sys/fs/cgroup/freezer/docker/${id}` });
  });

  it("uses the process's own v2 cgroup on a unified host", () => {
    expect(locateFreezer(v2Cgroup, v2Mounts)).toEqual({ version: 2, dir: `/sys/fs/cgroup/system.slice/docker-${id}.scope` });
  });

  it('maps a path through a mount whose root is a cgroup below the hierarchy root (a nested engine)', () => {
    const nested = '41 31 0:38 /kubepods/pod1 /sys/fs/cgroup rw,relatime - cgroup2 cgroup2 rw\n';
    expect(locateFreezer(`0::/kubepods/pod1/docker/${id}\n`, nested)).toEqual({ version: 2, dir: `/sys/fs/cgroup/docker/${id}` });
    expect(locateFreezer(`0::/kubepods/pod2/docker/${id}\n`, nested)).toEqual({ reason: `no cgroup mount here shows /kubepods/pod2/docker/${id}` });
  });

  it('reads octal escapes in mount points', () => {
    const spaced = '37 31 0:34 / /mnt/cgroup\\040freezer rw - cgroup cgroup rw,freezer\n';
    expect(locateFreezer(v1Cgroup, spaced)).toEqual({ version: 1, dir: `/mnt/cgroup freezer/docker/${id}` });
  });

  it('says why when the freezer cannot be reached', () => {
    expect(locateFreezer(v1Cgroup, v2Mounts)).toEqual({ reason: 'the cgroup v1 freezer hierarchy is not mounted here' });
    expect(locateFreezer(v2Cgroup, hybridMounts.replace(/.*cgroup2.*\n/, ''))).toEqual({ reason: 'the cgroup v2 hierarchy is not mounted here' });
    expect(locateFreezer('0::/../../docker/abc\n', v2Mounts)).toEqual({ reason: "its cgroup (/../../docker/abc) is outside this host's view" });
    expect(locateFreezer('0::/\n', v2Mounts)).toEqual({ reason: 'the process is in the root cgroup, which cannot be frozen' });
    expect(locateFreezer('', v2Mounts)).toEqual({ reason: 'the process is in no freezer cgroup' });
  });
});

describe.runIf(process.platform === 'linux')('opening a container\'s freezer on this host', () => {
  it('refuses a process whose cgroup is not named after the container (a pid of another machine that exists here)', () => {
    const opened = openCgroupFreezer(process.pid, id);
    expect('reason' in opened ? opened.reason : 'opened').not.toBe('opened');
  });

  it('refuses a process that does not exist here', () => {
    expect(openCgroupFreezer(2 ** 22 + 1, id)).toEqual({ reason: 'its process is not visible here (ENOENT)' });
  });
});

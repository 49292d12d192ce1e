package health.leiming.member;

/** How a person relates to the member who manages them (就诊人关系). */
public enum Relation {
    self, spouse, parent, child, grandparent, grandchild, sibling, other
}
